# Carnet for R loaders (base R only: CRAN is not reachable here). Load it with
#   source(file.path(Sys.getenv("CARNET_HOME"), "R", "carnet.R"))
# then read the delivery's governed tables (validated, pseudonymised; never the raw extract files) through
# `carnet query`, with the team's SQL macros (carnet_mask, carnet_age_band, carnet_exposure_years...):
#   df <- carnet_query("SELECT guarantee, count(*) AS claims FROM claims GROUP BY guarantee")
#   carnet_publish(carnet_mask_small(df, count = "insured"), format = "json")

MIN_INSURED <- 11

# A data.frame of one read-only SQL statement over the staged tables (through `carnet query --format csv`).
carnet_query <- function(sql) {
  home <- Sys.getenv("CARNET_HOME", unset = getwd())
  tsx <- file.path(home, "node_modules", ".bin", "tsx")
  out <- tempfile(fileext = ".csv")
  err <- tempfile()
  status <- system2(tsx, c(file.path(home, "loaders", "cli", "carnet.ts"), "query", shQuote(sql), "--format", "csv",
                           "--out", shQuote(out)), stdout = FALSE, stderr = err)
  if (!identical(status, 0L)) {
    lines <- readLines(err, warn = FALSE)
    lines <- lines[!grepl("warning", lines)]
    stop(if (length(lines)) lines[length(lines)] else paste("carnet query failed with status", status), call. = FALSE)
  }
  read.csv(out, stringsAsFactors = FALSE, check.names = FALSE)
}

# Rows describing fewer than `min` people (column `count`) keep their keys but lose their figures: every numeric
# column but the period keys (year, quarter, month, period) and `keep` becomes NA, `count` too; `masked` says which.
carnet_mask_small <- function(df, count = "insured", min = MIN_INSURED, keep = character()) {
  small <- !is.na(df[[count]]) & df[[count]] < min
  kept <- union(keep, intersect(names(df), c("year", "quarter", "month", "period", "period_start")))
  for (column in names(df)) {
    if (is.numeric(df[[column]]) && !(column %in% kept)) df[[column]][small] <- NA
  }
  df$masked <- small
  df
}

json_value <- function(x) {
  if (is.na(x)) return("null")
  if (is.logical(x)) return(if (x) "true" else "false")
  if (is.numeric(x)) return(format(x, digits = 15, trim = TRUE))
  s <- gsub("\\\\", "\\\\\\\\", as.character(x))
  s <- gsub("\"", "\\\\\"", s)
  s <- gsub("\n", "\\\\n", s)
  paste0("\"", s, "\"")
}

# Writes `df` on standard output (what Framework publishes): JSON (an array of records) or CSV.
carnet_publish <- function(df, format = "json") {
  if (format == "csv") {
    write.csv(df, stdout(), row.names = FALSE, na = "")
  } else if (format == "json") {
    records <- vapply(seq_len(nrow(df)), function(i) {
      fields <- vapply(names(df), function(n) paste0(json_value(n), ":", json_value(df[[n]][[i]])), "")
      paste0("{", paste(fields, collapse = ","), "}")
    }, "")
    cat("[", paste(records, collapse = ","), "]", sep = "")
  } else {
    stop("carnet_publish: format must be json or csv", call. = FALSE)
  }
  invisible(df)
}
