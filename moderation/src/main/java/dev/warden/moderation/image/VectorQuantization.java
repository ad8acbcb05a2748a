package dev.warden.moderation.image;

/** How a {@link KnownContentIndex} stores and scans vectors. */
public enum VectorQuantization {
  /** 32-bit floats: exact scans, 4 bytes per component. */
  NONE,
  /**
   * 8-bit integers for the HNSW graph and the in-memory scan (a quarter of the memory traffic),
   * with the float vectors kept on disk so that every reported similarity is re-ranked exactly.
   */
  INT8
}
