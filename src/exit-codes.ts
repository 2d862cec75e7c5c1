// The process's exit codes, for whatever supervises it (systemd, Docker,
// Kubernetes): documented in the README.
export const EXIT = {
  /** Stopped by SIGINT or SIGTERM. */
  stopped: 0,
  /** A bad configuration value, or an unexpected failure. */
  failed: 1,
  /** A stop that did not finish in time, ended by force. */
  stopTimedOut: 2,
  /**
   * Another process polls Telegram with the same bot token (409 Conflict):
   * restarting would only fight it again.
   */
  conflict: 3,
} as const;
