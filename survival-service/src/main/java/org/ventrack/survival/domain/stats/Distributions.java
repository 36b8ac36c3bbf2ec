package org.ventrack.survival.domain.stats;

/**
 * The two distribution functions the estimators need, accurate to a few ulps: the normal quantile (R {@code qnorm},
 * Wichura's algorithm AS 241 as R implements it) and the chi-square upper tail (R {@code pchisq(x, df, lower.tail =
 * FALSE)}, through the regularized upper incomplete gamma function).
 */
final class Distributions {

    private Distributions() {
    }

    /** Two-sided normal quantile for a confidence level, as R {@code qnorm(1 - (1 - level) / 2)}. */
    static double zForConfidence(double confLevel) {
        if (!(confLevel > 0 && confLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + confLevel);
        }
        return normalQuantile(1 - (1 - confLevel) / 2);
    }

    /** AS 241 (PPND16), the algorithm of R's qnorm. */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            if (p == 0) return Double.NEGATIVE_INFINITY;
            if (p == 1) return Double.POSITIVE_INFINITY;
            return Double.NaN;
        }
        double q = p - 0.5;
        double r;
        double val;
        if (Math.abs(q) <= .425) {
            r = .180625 - q * q;
            val = q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r
                    + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.);
            return val;
        }
        r = q < 0 ? p : 1 - p;
        r = Math.sqrt(-Math.log(r));
        if (r <= 5.) {
            r += -1.6;
            val = (((((((r * 7.7454501427834140764e-4 + .0227238449892691845833) * r + .24178072517745061177) * r
                    + 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + .0151986665636164571966) * r
                    + .14810397642748007459) * r + .68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.);
        } else {
            r += -5.;
            val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + .0012426609473880784386) * r
                    + .026532189526576123093) * r + .29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r
                    + 7.868691311456132591e-4) * r + .0148753612908506148525) * r + .13692988092273580531) * r
                    + .59983220655588793769) * r + 1.);
        }
        return q < 0 ? -val : val;
    }

    /** P(X > x) for X chi-square with df degrees of freedom; df = 0 is the point mass at 0 (as R). */
    static double chiSquaredUpperTail(double x, int df) {
        if (df < 0 || Double.isNaN(x)) return Double.NaN;
        if (x <= 0) return df == 0 ? 0 : 1;
        if (df == 0) return 0;
        return regularizedGammaQ(df / 2.0, x / 2.0);
    }

    /** Q(a, x) = Γ(a, x) / Γ(a): series for x < a + 1, Lentz's continued fraction otherwise (Numerical Recipes 6.2). */
    static double regularizedGammaQ(double a, double x) {
        double logPrefactor = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
            }
            return 1 - sum * Math.exp(logPrefactor);
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < tiny) d = tiny;
            c = b + an / c;
            if (Math.abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-17) break;
        }
        return Math.exp(logPrefactor) * h;
    }

    /**
     * log Γ(a) for the half-integers and integers a chi-square needs (a = df / 2), exact up to rounding:
     * Γ(k) = (k-1)!, Γ(k + 1/2) = √π · (1/2)(3/2)…(k - 1/2).
     */
    static double logGamma(double a) {
        double twice = 2 * a;
        if (twice != Math.rint(twice) || a <= 0) {
            throw new IllegalArgumentException("only positive integers and half-integers: " + a);
        }
        double sum = (twice % 2 == 0) ? 0 : 0.5 * Math.log(Math.PI);
        for (double v = (twice % 2 == 0) ? 1 : 0.5; v < a; v += 1) {
            sum += Math.log(v);
        }
        return sum;
    }
}
