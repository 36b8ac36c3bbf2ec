# Times survfit (Kaplan-Meier, log CI) and survdiff (2 groups) on data shaped like StatsBenchmark.java:
# 1,000,000 subjects, exponential times (rate 1/400 and 1/500 by group), 10 % censored.
# Run: Rscript survival-service/src/test/r/bench.R
suppressMessages(library(survival))
set.seed(42)
n <- 1e6
group <- sample(0:1, n, replace = TRUE)
time <- rexp(n, rate = ifelse(group == 0, 1 / 400, 1 / 500))
status <- as.integer(runif(n) >= 0.10)
runs <- 5
elapsed <- function(expr) system.time(expr)[["elapsed"]] * 1000
km <- replicate(runs, elapsed(survfit(Surv(time, status) ~ 1, conf.type = "log")))
lr <- replicate(runs, elapsed(survdiff(Surv(time, status) ~ group)))
cat(R.version.string, "; survival", as.character(packageVersion("survival")), "\n")
cat(sprintf("n = %d, %d runs\n", n, runs))
cat(sprintf("survfit (log CI):     median %.0f ms (min %.0f, max %.0f)\n", median(km), min(km), max(km)))
cat(sprintf("survdiff, 2 groups:   median %.0f ms (min %.0f, max %.0f)\n", median(lr), min(lr), max(lr)))
