# Writes the R reference values the Java survival statistics are tested against.
# Run from survival-service/:  Rscript src/test/r/make-fixtures.R
# Output: src/test/resources/r-fixtures/*.json (NA, NaN and Inf are written as the strings "NA", "NaN", "Inf")
#         src/test/resources/r-fixtures/paper-check.txt (printed R values for the manuscript check)
suppressMessages({ library(survival); library(jsonlite) })

out_dir <- "src/test/resources/r-fixtures"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
versions <- list(r_version = R.version.string, survival_version = as.character(packageVersion("survival")))

write_fixture <- function(file, x) {
  writeLines(toJSON(c(versions, x), auto_unbox = TRUE, digits = I(17), na = "string", pretty = TRUE),
             file.path(out_dir, file))
}

km_curve <- function(time, status, conf.type) {
  fit <- survfit(Surv(time, status) ~ 1, conf.type = conf.type)
  s <- summary(fit, censored = TRUE)
  q <- quantile(fit, c(.25, .5, .75))
  list(time = fit$time, n.risk = fit$n.risk, n.event = fit$n.event, n.censor = fit$n.censor,
       surv = fit$surv, std.err = s$std.err, std.err.cumhaz = fit$std.err,
       lower = fit$lower, upper = fit$upper,
       quantile = list(probs = c(.25, .5, .75), quantile = unname(q$quantile),
                       lower = unname(q$lower), upper = unname(q$upper)))
}

km_case <- function(name, time, status, at_times) {
  fit <- survfit(Surv(time, status) ~ 1)
  st <- summary(fit, times = at_times)
  rev <- survfit(Surv(time, 1 - status) ~ 1)
  rq <- quantile(rev, .5)
  write_fixture(paste0("km-", name, ".json"), list(
    name = name, time = time, status = status,
    log = km_curve(time, status, "log"),
    loglog = km_curve(time, status, "log-log"),
    plain = km_curve(time, status, "plain"),
    summary_times = list(requested = at_times, time = st$time, n.risk = st$n.risk, n.event = st$n.event,
                         n.censor = st$n.censor, surv = st$surv, std.err = st$std.err,
                         lower = st$lower, upper = st$upper),
    reverse_median = list(median = unname(rq$quantile), lower = unname(rq$lower), upper = unname(rq$upper),
                          min = min(time), max = max(time))))
}

logrank_case <- function(name, time, status, group) {
  d <- survdiff(Surv(time, status) ~ factor(group))
  write_fixture(paste0("logrank-", name, ".json"), list(
    name = name, time = time, status = status, group = group,
    n = as.vector(d$n), obs = as.vector(d$obs), exp = as.vector(d$exp), var = unname(d$var),
    chisq = d$chisq, df = sum(d$exp > 0) - 1, p = d$pvalue))
}

aj_case <- function(name, time, state) {
  fit <- survfit(Surv(time, factor(state, 0:2)) ~ 1)
  col <- function(m, s) unname(m[, match(s, fit$states)])
  curve <- function(s) list(pstate = col(fit$pstate, s), std.err = col(fit$std.err, s),
                            lower = col(fit$lower, s), upper = col(fit$upper, s))
  write_fixture(paste0("aj-", name, ".json"), list(
    name = name, time_in = time, state = state, conf.type = fit$conf.type, states = fit$states,
    time = fit$time, n.risk = unname(fit$n.risk[, 1]), n.event = unname(fit$n.event), n.censor = fit$n.censor,
    s0 = curve("(s0)"), cause1 = curve("1"), cause2 = curve("2")))
}

# --- survival package data sets
km_case("aml", aml$time, aml$status, c(0, 10, 20, 30, 45, 100, 161))
logrank_case("aml", aml$time, aml$status, as.integer(aml$x) - 1L)
lung_status <- lung$status - 1L
km_case("lung", lung$time, lung_status, c(30, 90, 182.5, 365, 730, 1000))
logrank_case("lung-sex", lung$time, lung_status, lung$sex - 1L)
ecog <- !is.na(lung$ph.ecog)
logrank_case("lung-ecog", lung$time[ecog], lung_status[ecog], lung$ph.ecog[ecog])

# --- small edge cases
km_case("tied-events", c(1, 2, 2, 2, 3, 4, 4, 5), c(1, 1, 1, 1, 0, 1, 1, 0), c(2, 4))
km_case("censor-tied-with-events", c(1, 3, 3, 3, 3, 5, 6, 6, 8, 9), c(1, 1, 0, 1, 0, 0, 1, 0, 1, 0), c(0, 3, 4, 6, 9))
km_case("all-censored", c(2, 4, 4, 7, 9), c(0, 0, 0, 0, 0), c(1, 4, 8))
km_case("one-subject-event", 5, 1, c(3, 5))
km_case("one-subject-censored", 5, 0, c(3, 5))
km_case("ends-at-zero", c(1, 2, 2, 3), c(1, 1, 0, 1), c(1.5, 3))
km_case("three-subjects", c(1, 2, 3), c(1, 0, 1), c(1, 2, 3))
# S = 0.5 from t = 2 until the next death at t = 4: median = (2 + 4) / 2 = 3
km_case("flat-median", c(1, 2, 3, 4), c(1, 1, 0, 1), c(2, 3, 4))
# S = 0.5 from t = 2 to the end of follow-up at t = 6: median = (2 + 6) / 2 = 4
km_case("flat-median-at-end", c(1, 2, 5, 6), c(1, 1, 0, 0), c(2, 6))
logrank_case("tied", c(1, 2, 2, 2, 3, 4, 4, 5, 1, 2, 3, 3), c(1, 1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1),
             c(0, 0, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0))
logrank_case("empty-expected", c(1, 2, 3, 4, 10, 11), c(1, 1, 0, 1, 0, 0), c(0, 0, 1, 1, 2, 2))
aj_case("small", c(1, 2, 2, 3, 4, 5, 6, 7), c(1, 2, 0, 1, 2, 0, 1, 1))
aj_case("ties", c(1, 1, 1, 2, 2, 3, 3, 3, 4, 5, 5, 6), c(1, 2, 0, 1, 1, 2, 0, 1, 0, 2, 1, 0))

# --- 12-patient cohort: 1-year OS 50 % (28.4-88.0 %), 1-year EFS 25 % (9.4-66.6 %)
os_time  <- c(40, 95, 150, 210, 280, 330, 400, 520, 610, 700, 800, 900)
os_stat  <- c( 1,  1,   1,   1,   1,   1,   0,   1,   0,   0,   0,   0)
efs_time <- c(30, 60, 95, 120, 150, 200, 210, 260, 330, 450, 700, 800)
efs_stat <- c( 1,  1,  1,   1,   1,   1,   1,   1,   1,   0,   0,   0)
# EFS events: 1 relapse, 2 death without relapse (competing), 0 event-free at last contact
efs_state <- c(1, 1, 2, 1, 1, 2, 1, 1, 2, 0, 0, 0)
km_case("cohort12-os", os_time, os_stat, c(365, 730))
km_case("cohort12-efs", efs_time, efs_stat, c(365, 730))
aj_case("cohort12", efs_time, efs_state)

# --- large random set: 2,000 subjects, 3 groups, times rounded to 0.1 (many ties)
set.seed(20240611)
n <- 2000
group <- sample(0:2, n, replace = TRUE)
event_time <- rexp(n, rate = c(1 / 400, 1 / 550, 1 / 700)[group + 1])
censor_time <- runif(n, 100, 1500)
big_time <- round(pmin(event_time, censor_time), 1)
big_status <- as.integer(event_time <= censor_time)
km_case("random2000", big_time, big_status, c(100, 365, 730, 1095))
logrank_case("random2000", big_time, big_status, group)
big_state <- ifelse(big_status == 0, 0L, ifelse(runif(n) < 0.7, 1L, 2L))
aj_case("random2000", big_time, big_state)

# --- printed values for the manuscript check
sink(file.path(out_dir, "paper-check.txt"))
cat(versions$r_version, "; survival", versions$survival_version, "\n\n")
cat("1-year overall survival, 12 patients (expect 50 %, 95 % log CI 28.4-88.0 %)\n")
print(summary(survfit(Surv(os_time, os_stat) ~ 1), times = 365))
cat("\n1-year event-free survival, 12 patients (expect 25 %, 95 % log CI 9.4-66.6 %)\n")
print(summary(survfit(Surv(efs_time, efs_stat) ~ 1), times = 365))
sink()
