package dev.tunebeam.transforms.search.gp;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.util.ContinuedFraction;

/**
 * The logarithm of expected improvement, computed so that it stays finite and smooth far from the
 * incumbent (Ament et al. 2023, "Unexpected improvements to expected improvement", eq. 9; Optuna's
 * {@code GPSampler} uses the same function). Plain EI underflows to 0 a few standard deviations
 * below the incumbent, which leaves an optimiser nothing to climb; its logarithm keeps a slope.
 *
 * <p>With {@code z = (mean - best) / sd}, {@code EI = sd * h(z)} and {@code h(z) = phi(z) + z
 * Phi(z)}. For {@code z > -1} {@code h} is computed directly. Below, {@code phi(z) + z Phi(z) =
 * phi(z) (1 - t R(t))} with {@code t = -z} and Mills' ratio {@code R(t) = Phi(-t) / phi(t)}, which
 * a continued fraction gives to full relative precision; {@code log(1 - t R(t))} is then {@code
 * log1mexp(log(t R(t)))}. Far out ({@code t > 100}) the asymptotic series {@code 1 - t R(t) = 1/t^2
 * - 3/t^4 + 15/t^6 - ...} is exact to double precision and avoids the cancellation.
 */
final class LogExpectedImprovement {
  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
  private static final double FAR = 100;

  /**
   * {@code 1 / R(t)} as Laplace's continued fraction {@code t + 1/(t + 2/(t + 3/(t + ...)))}: in
   * commons-math's form {@code a0 + b1/(a1 + b2/(a2 + ...))}, {@code a_n = t} and {@code b_n = n}.
   */
  private static final ContinuedFraction INVERSE_MILLS =
      new ContinuedFraction() {
        @Override
        protected double getA(int n, double t) {
          return t;
        }

        @Override
        protected double getB(int n, double t) {
          return n;
        }
      };

  private LogExpectedImprovement() {}

  /**
   * {@code log E[max(0, f - best)]} for {@code f ~ N(mean, sd^2)}; {@code sd > 0}. Larger is
   * better.
   */
  public static double value(double mean, double sd, double best) {
    return logH((mean - best) / sd) + Math.log(sd);
  }

  /** {@code log(phi(z) + z Phi(z))}: the log of the expected improvement of a standard normal. */
  public static double logH(double z) {
    if (z > -1) {
      double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
      double pdf = Math.exp(-0.5 * z * z) * INV_SQRT_2PI;
      return Math.log(pdf + z * cdf);
    }
    double t = -z;
    double logPdf = -0.5 * t * t - LOG_SQRT_2PI;
    if (t > FAR) {
      double u = 1 / (t * t);
      // 1/t^2 (1 - 3u + 15u^2 - 105u^3): the next term is below 1e-14 of the sum at t = 100.
      return logPdf + Math.log(u) + Math.log1p(u * (-3 + u * (15 - 105 * u)));
    }
    double logTR = Math.log(t * millsRatio(t));
    return logPdf + log1mexp(logTR);
  }

  /** Mills' ratio {@code Phi(-t) / phi(t)} for {@code t >= 1}, to full relative precision. */
  static double millsRatio(double t) {
    return 1 / INVERSE_MILLS.evaluate(t, 1e-15, 10_000);
  }

  /** {@code log(1 - exp(x))} for {@code x < 0}, accurate near 0 and far below it (Mächler 2012). */
  static double log1mexp(double x) {
    return x > -Math.log(2) ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
  }
}
