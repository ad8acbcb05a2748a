package dev.warden.moderation;

/** What a lexicon entry does when it matches. */
public enum EntryKind {
  /** A term of a content category: a match is a finding. */
  TERM,
  /** A marker (such as {@code minor} or {@code person}): a match only feeds combination rules. */
  MARKER,
  /** An allow-list entry: matches of other entries inside its match are ignored. */
  ALLOW
}
