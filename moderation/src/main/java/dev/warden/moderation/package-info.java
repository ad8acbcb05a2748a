/** The moderation engine: text prompt and image-embedding pipelines, enforcement. */
package dev.warden.moderation;
