package dev.warden.policy;

/** Browser signals that, when present, deny a cookie category regardless of stored consent. */
public enum OptOutSignal {
  /** Global Privacy Control ({@code Sec-GPC: 1}). */
  GPC,
  /** Do Not Track ({@code DNT: 1}), deprecated; only honoured when the host opts in. */
  DO_NOT_TRACK
}
