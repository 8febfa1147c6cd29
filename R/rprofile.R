# The start-up of R loaders (the build sets R_PROFILE_USER to this file, so Rscript reads it first).
#
# The network guard.
# Like scripts/no-network.cjs for Node and python/sitecustomize.py for Python: a URL or socket to any host but this
# machine stops the loader with one line, so no loader reaches the internet, by mistake or through a package.
# CARNET_ALLOW_NETWORK=1 lifts it for debugging.
if (!identical(Sys.getenv("CARNET_ALLOW_NETWORK"), "1")) local({
  is_local <- function(host) {
    host <- tolower(gsub("^\\[|\\]$", "", host))
    host %in% c("", "localhost", "localhost.localdomain", "::1") || grepl("^127\\.", host)
  }
  host_of <- function(address) sub("^[A-Za-z][A-Za-z0-9+.-]*://([^/@]*@)?(\\[[^]]*\\]|[^/:?#]*).*$", "\\2", address)
  refuse <- function(host) stop(sprintf("carnet: network access refused for %s (loaders run offline)", host), call. = FALSE)
  check_address <- function(address) {
    if (is.character(address) && length(address) == 1 && grepl("^[A-Za-z][A-Za-z0-9+.-]*://", address) &&
        !grepl("^file://", address, ignore.case = TRUE) && !is_local(host_of(address))) refuse(host_of(address))
  }
  check_host <- function(host) if (!is_local(host)) refuse(host)
  replace_in <- function(env, name, value) {
    if (!exists(name, envir = env, inherits = FALSE)) return(invisible())
    locked <- bindingIsLocked(name, env)
    if (locked) unlockBinding(name, env)
    assign(name, value, envir = env)
    if (locked) lockBinding(name, env)
  }
  wrap <- function(env, name, check) {
    original <- get(name, envir = env)
    guarded <- function(...) {
      args <- list(...)
      check(if (length(args)) args[[1]] else "")
      original(...)
    }
    replace_in(env, name, guarded)
    if (identical(env, baseenv())) replace_in(.BaseNamespaceEnv, name, guarded)
  }
  for (name in c("url", "file", "curlGetHeaders")) wrap(baseenv(), name, check_address)
  wrap(baseenv(), "socketConnection", function(host) check_host(if (is.character(host)) host else "localhost"))
  utils <- asNamespace("utils")
  wrap(utils, "download.file", check_address)
  wrap(utils, "make.socket", function(host) check_host(host))
})

# One-line failures in the build (package.json sets CARNET_LOADER_ERRORS; `carnet loader run` reads R's own output):
# the loader file and R's message, instead of R's "Error in ..." and "Execution halted".
if (identical(Sys.getenv("CARNET_LOADER_ERRORS"), "one-line")) {
  options(show.error.messages = FALSE, error = function() {
    file <- sub("^--file=", "", grep("^--file=", commandArgs(), value = TRUE)[1])
    home <- Sys.getenv("CARNET_HOME", unset = getwd())
    if (!is.na(file) && startsWith(normalizePath(file, mustWork = FALSE), paste0(home, "/")))
      file <- substring(normalizePath(file, mustWork = FALSE), nchar(home) + 2)
    message <- gsub("\\s*\n\\s*", " ", trimws(sub("^Error[^:]*: ", "", geterrmessage())))
    cat(sprintf("carnet: %s: R loader failed: %s\n", if (is.na(file)) "<R>" else file, message), file = stderr())
    quit(save = "no", status = 1)
  })
}
