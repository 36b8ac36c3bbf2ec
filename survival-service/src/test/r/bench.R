# Times survfit (Kaplan-Meier, log CI) and survdiff (2 groups) with R's survival package.
# Without arguments: 1,000,000 subjects shaped like StatsBenchmark.java (exponential times, rate 1/400 and 1/500 by
# group, 10 % censored), generated here. With arguments DATA_DIR N [N ...] [--results FILE]: the very data sets that
# StatsBenchmark wrote into DATA_DIR (-Dstats.data-dir; <n>.time float64, <n>.event and <n>.group int32,
# little-endian), one JSON line per size appended to FILE (needs jsonlite).
# Run: Rscript survival-service/src/test/r/bench.R [DATA_DIR N ... [--results FILE]]
suppressMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
results <- NULL
if ("--results" %in% args) {
  at <- match("--results", args)
  results <- args[at + 1]
  args <- args[-c(at, at + 1)]
}
elapsed <- function(expr) system.time(expr)[["elapsed"]] * 1000
measure <- function(time, status, group) {
  n <- length(time)
  runs <- if (n >= 1e7) 3 else 5
  survfit(Surv(time, status) ~ 1, conf.type = "log"); survdiff(Surv(time, status) ~ group) # warm-up
  km <- replicate(runs, elapsed(survfit(Surv(time, status) ~ 1, conf.type = "log")))
  lr <- replicate(runs, elapsed(survdiff(Surv(time, status) ~ group)))
  cat(sprintf("n = %d, %d runs\n", n, runs))
  cat(sprintf("survfit (log CI):     median %.1f ms (min %.1f, max %.1f)\n", median(km), min(km), max(km)))
  cat(sprintf("survdiff, 2 groups:   median %.1f ms (min %.1f, max %.1f)\n", median(lr), min(lr), max(lr)))
  if (!is.null(results)) {
    line <- jsonlite::toJSON(list(section = "stats", implementation = "r", subjects = n, runs = runs,
      kaplanMeierMedianMs = median(km), kaplanMeierMinMs = min(km), logRankMedianMs = median(lr),
      logRankMinMs = min(lr), r = R.version.string, survival = as.character(packageVersion("survival"))),
      auto_unbox = TRUE, digits = NA)
    cat(line, "\n", file = results, append = TRUE, sep = "")
  }
}
cat(R.version.string, "; survival", as.character(packageVersion("survival")), "\n")
if (length(args) == 0) {
  set.seed(42)
  n <- 1e6
  group <- sample(0:1, n, replace = TRUE)
  time <- rexp(n, rate = ifelse(group == 0, 1 / 400, 1 / 500))
  status <- as.integer(runif(n) >= 0.10)
  measure(time, status, group)
} else {
  dir <- args[1]
  for (n in as.integer(as.numeric(args[-1]))) {
    read <- function(ext, what, size) readBin(file.path(dir, paste0(n, ".", ext)), what, n = n, size = size, endian = "little")
    measure(read("time", "double", 8), read("event", "integer", 4), read("group", "integer", 4))
  }
}
