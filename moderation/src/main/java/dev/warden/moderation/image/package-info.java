/**
 * Image moderation by embedding: {@link dev.warden.moderation.image.EmbeddingSpace} and {@link
 * dev.warden.moderation.image.ImageEmbedding}, concept sets with special-care concepts and
 * contrastive pairs ({@link dev.warden.moderation.image.ConceptSet}), near-duplicate matching
 * against known prohibited images ({@link dev.warden.moderation.image.KnownContentIndex}), ONNX
 * classifier heads ({@link dev.warden.moderation.image.OnnxHead}), and the entry point that
 * combines them, {@link dev.warden.moderation.image.ImageModerator}.
 */
package dev.warden.moderation.image;
