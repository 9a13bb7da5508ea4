package dev.tunebeam.transforms.tuning;

import com.google.cloud.aiplatform.v1.StudySpec;
import com.google.cloud.aiplatform.v1.StudySpec.ParameterSpec.ConditionalParameterSpec;
import dev.tunebeam.transforms.space.Condition;
import dev.tunebeam.transforms.space.ParameterSpec;
import dev.tunebeam.transforms.space.SearchSpace;
import java.util.List;
import java.util.function.Function;

/**
 * A space's {@code when:} conditions as Vertex AI's {@code ConditionalParameterSpec}s: each
 * conditional parameter is nested under its parent with the parent values it needs, and only
 * unconditional parameters sit at the top of the study. Vertex takes parents of three kinds only:
 * categorical, discrete and integer.
 */
final class ConditionalSpecs {
  private ConditionalSpecs() {}

  /** The study's top-level parameters, each with its conditional children nested. */
  static List<StudySpec.ParameterSpec> of(
      SearchSpace space, Function<ParameterSpec, StudySpec.ParameterSpec> plain) {
    return space.parameters().stream()
        .filter(p -> !space.conditions().containsKey(p.name()))
        .map(p -> nested(space, p, plain))
        .toList();
  }

  private static StudySpec.ParameterSpec nested(
      SearchSpace space, ParameterSpec p, Function<ParameterSpec, StudySpec.ParameterSpec> plain) {
    StudySpec.ParameterSpec built = plain.apply(p);
    StudySpec.ParameterSpec.Builder b = built.toBuilder();
    for (ParameterSpec child : space.parameters()) {
      Condition c = space.conditions().get(child.name());
      if (c == null || !c.parent().equals(p.name())) {
        continue;
      }
      ConditionalParameterSpec.Builder cond =
          ConditionalParameterSpec.newBuilder().setParameterSpec(nested(space, child, plain));
      if (built.hasCategoricalValueSpec()) {
        cond.setParentCategoricalValues(
            ConditionalParameterSpec.CategoricalValueCondition.newBuilder()
                .addAllValues(c.values()));
      } else if (built.hasDiscreteValueSpec()) {
        cond.setParentDiscreteValues(
            ConditionalParameterSpec.DiscreteValueCondition.newBuilder()
                .addAllValues(c.values().stream().map(Double::valueOf).toList()));
      } else if (built.hasIntegerValueSpec()) {
        cond.setParentIntValues(
            ConditionalParameterSpec.IntValueCondition.newBuilder()
                .addAllValues(c.values().stream().map(Long::valueOf).toList()));
      } else {
        throw new IllegalArgumentException(
            "parameter "
                + child.name()
                + " is conditional on "
                + p.name()
                + ", a double range; Vertex AI conditions need a categorical, discrete or integer parent");
      }
      b.addConditionalParameterSpecs(cond);
    }
    return b.build();
  }
}
