/**
 * The {@code simulate} command: a finished study replayed against a search space, per algorithm and
 * seed, without training. Entry class {@link dev.tunebeam.pipeline.simulate.SimulateCommand}; its
 * flags are {@code SimulateOptions} (picocli, as the {@code tune} launcher's), the space and its
 * algorithm variants {@code SpaceVariants}, the printed table {@code SimulationTable}. The replay
 * itself is {@code dev.tunebeam.transforms.search.replay}'s.
 *
 * <p>Decision: flags are picocli declarations rather than Beam {@code PipelineOptions}: nothing
 * here builds a pipeline, and picocli gives {@code simulate --help} from the declarations.
 */
package dev.tunebeam.pipeline.simulate;
