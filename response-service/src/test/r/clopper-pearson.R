# Exact (Clopper-Pearson) binomial confidence intervals from R's binom.test, the reference for ClopperPearsonTest.
# Run: Rscript response-service/src/test/r/clopper-pearson.R > response-service/src/test/resources/clopper-pearson.csv
cases <- rbind(c(5, 12, 0.95), c(4, 12, 0.95), c(3, 5, 0.95), c(2, 5, 0.95), c(1, 5, 0.95), c(0, 2, 0.95),
               c(0, 12, 0.95), c(12, 12, 0.95), c(1, 1, 0.95), c(0, 1, 0.95), c(7, 12, 0.95), c(5, 12, 0.90),
               c(5, 12, 0.99), c(37, 120, 0.95), c(500, 1000, 0.95), c(1, 1000, 0.95), c(999, 1000, 0.95))
cat("x,n,conf_level,lower,upper\n")
for (i in seq_len(nrow(cases))) {
  x <- cases[i, 1]; n <- cases[i, 2]; level <- cases[i, 3]
  ci <- binom.test(x, n, conf.level = level)$conf.int
  cat(sprintf("%d,%d,%s,%.17g,%.17g\n", x, n, format(level), ci[1], ci[2]))
}
