/** Account enforcement. */
package dev.warden.moderation.enforcement;
