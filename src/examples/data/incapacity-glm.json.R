# Loader of the R example (src/examples/r-loader.md): a Poisson GLM of incapacity claim frequency by age band,
# sex and job category, with log(exposure) as offset, the actuary's daily tool. Framework runs it with Rscript.
# The cells come from the governed tables through the carnet helper (R/carnet.R): exposure in insured-years per
# calendar year with the age band on January 1st (the team's macros), and the incapacity claims of the same cells.
# Only the model's relativities leave it; the cells themselves are not published.
source(file.path(Sys.getenv("CARNET_HOME"), "R", "carnet.R"))

cells <- carnet_query("
WITH bounds AS (SELECT year(min(event_date)) AS first, year(max(event_date)) AS last FROM claims),
years AS (SELECT y AS year, make_date(y, 1, 1) AS jan1, make_date(y + 1, 1, 1) AS next
          FROM bounds, range(bounds.first, bounds.last + 1) AS t(y)),
cover AS (
  SELECT i.insured_id, i.sex, i.job_category, i.birth_date,
         greatest(i.coverage_start, c.start_date) AS cover_from,
         least(coalesce(i.coverage_end + 1, DATE '9999-12-31'), coalesce(c.end_date + 1, DATE '9999-12-31')) AS cover_until
  FROM insured i JOIN contracts c USING (contract_id)
),
exposure AS (
  SELECT carnet_age_band(v.birth_date, y.jan1) AS age_band, v.sex, v.job_category,
         sum(date_diff('day', greatest(v.cover_from, y.jan1), least(v.cover_until, y.next))) / 365.25 AS exposure,
         count(DISTINCT v.insured_id) AS insured
  FROM cover v JOIN years y ON v.cover_from < y.next AND v.cover_until > y.jan1
  GROUP BY ALL
),
claim_cells AS (
  SELECT carnet_age_band(i.birth_date, make_date(year(k.event_date), 1, 1)) AS age_band, i.sex, i.job_category,
         count(*) AS claims
  FROM claims k JOIN insured i USING (insured_id)
  WHERE k.guarantee = 'incapacity'
  GROUP BY ALL
)
SELECT e.age_band, e.sex, e.job_category, e.exposure, e.insured, coalesce(k.claims, 0) AS claims
FROM exposure e LEFT JOIN claim_cells k USING (age_band, sex, job_category)
WHERE e.exposure > 0
ORDER BY ALL")

# Base levels: the most exposed band, women, and the most exposed job category.
base <- function(x, w) names(sort(tapply(w, x, sum), decreasing = TRUE))[1]
cells$age_band <- relevel(factor(cells$age_band), ref = base(cells$age_band, cells$exposure))
cells$sex <- relevel(factor(cells$sex), ref = "F")
cells$job_category <- relevel(factor(cells$job_category), ref = base(cells$job_category, cells$exposure))

model <- glm(claims ~ age_band + sex + job_category + offset(log(exposure)), family = poisson(), data = cells)
coefs <- summary(model)$coefficients
terms <- c("age_band", "sex", "job_category")
rows <- do.call(rbind, lapply(terms, function(term) {
  levels <- levels(cells[[term]])
  do.call(rbind, lapply(levels, function(level) {
    name <- paste0(term, level)
    exposure <- sum(cells$exposure[cells[[term]] == level])
    insured <- sum(cells$insured[cells[[term]] == level])
    if (level == levels[1]) {
      return(data.frame(term = term, level = level, base = TRUE, relativity = 1, low = NA, high = NA, p_value = NA,
                        exposure_years = exposure, insured = insured))
    }
    b <- coefs[name, "Estimate"]
    se <- coefs[name, "Std. Error"]
    data.frame(term = term, level = level, base = FALSE, relativity = exp(b), low = exp(b - qnorm(0.975) * se),
               high = exp(b + qnorm(0.975) * se), p_value = coefs[name, "Pr(>|z|)"], exposure_years = exposure,
               insured = insured)
  }))
}))
# A level describing fewer than 11 insured is not shown (statistical secrecy).
carnet_publish(carnet_mask_small(rows, count = "insured"), format = "json")
