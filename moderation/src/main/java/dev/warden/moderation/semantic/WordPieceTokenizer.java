package dev.warden.moderation.semantic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.moderation.ModerationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pure-Java BERT WordPiece tokenizer that reads a Hugging Face {@code tokenizer.json} (model
 * {@code WordPiece}, normaliser {@code BertNormalizer}, pre-tokeniser {@code BertPreTokenizer}),
 * such as the uncased 30,522-token vocabulary of all-MiniLM-L6-v2. Immutable and thread-safe.
 *
 * <p>It produces the same ids as the reference implementation for ordinary text (tested token for
 * token on accents, CJK, emoji, URLs, zero-width characters), with two deliberate differences:
 * special tokens typed by a user ({@code [SEP]}, {@code [MASK]}) are read as plain text, so a
 * prompt cannot inject them; and the file's truncation and padding settings are not applied:
 * {@link #encode(String, int)} truncates to the limit the caller gives and never pads (the
 * encoder pads each batch to its longest sequence).
 */
public final class WordPieceTokenizer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final BertNormalization normalization;
  private final WordPieceVocabulary vocab;
  private final int cls;
  private final int sep;
  private final int pad;
  private final int unk;
  private final int maxCharsPerWord;

  private WordPieceTokenizer(BertNormalization normalization, WordPieceVocabulary vocab, int cls,
      int sep, int pad, int unk, int maxCharsPerWord) {
    this.normalization = normalization;
    this.vocab = vocab;
    this.cls = cls;
    this.sep = sep;
    this.pad = pad;
    this.unk = unk;
    this.maxCharsPerWord = maxCharsPerWord;
  }

  /**
   * Reads a {@code tokenizer.json} file.
   *
   * @throws ModerationException naming the file and what is missing or unsupported
   */
  public static WordPieceTokenizer load(Path tokenizerJson) {
    Objects.requireNonNull(tokenizerJson, "tokenizerJson");
    try (InputStream in = Files.newInputStream(tokenizerJson)) {
      return read(in, tokenizerJson.toString());
    } catch (IOException e) {
      throw new ModerationException("cannot read tokenizer " + tokenizerJson + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a {@code tokenizer.json} document from a stream (not closed).
   *
   * @param source how to name the document in errors
   * @throws ModerationException naming the source and what is missing or unsupported
   */
  public static WordPieceTokenizer read(InputStream in, String source) {
    Objects.requireNonNull(in, "in");
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (IOException e) {
      throw new ModerationException("tokenizer " + source + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ModerationException("tokenizer " + source + " is not a JSON object");
    }
    JsonNode model = root.path("model");
    if (!"WordPiece".equals(model.path("type").asText())) {
      throw new ModerationException("tokenizer " + source + ": model.type must be WordPiece, got '"
          + model.path("type").asText() + "'");
    }
    JsonNode vocabNode = model.path("vocab");
    if (!vocabNode.isObject() || vocabNode.isEmpty()) {
      throw new ModerationException("tokenizer " + source + ": model.vocab must be a non-empty object");
    }
    String prefix = model.path("continuing_subword_prefix").asText("##");
    WordPieceVocabulary.Builder vb = new WordPieceVocabulary.Builder(prefix);
    for (Iterator<Map.Entry<String, JsonNode>> it = vocabNode.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
        throw new ModerationException("tokenizer " + source + ": model.vocab['" + e.getKey()
            + "'] must be a non-negative integer");
      }
      vb.add(e.getKey(), e.getValue().asInt());
    }
    WordPieceVocabulary vocab = vb.build();
    JsonNode norm = root.path("normalizer");
    if (!"BertNormalizer".equals(norm.path("type").asText())) {
      throw new ModerationException("tokenizer " + source + ": normalizer.type must be BertNormalizer, got '"
          + norm.path("type").asText() + "'");
    }
    String pre = root.path("pre_tokenizer").path("type").asText();
    if (!"BertPreTokenizer".equals(pre)) {
      throw new ModerationException("tokenizer " + source
          + ": pre_tokenizer.type must be BertPreTokenizer, got '" + pre + "'");
    }
    boolean lowercase = norm.path("lowercase").asBoolean(true);
    JsonNode strip = norm.path("strip_accents");
    BertNormalization n = new BertNormalization(norm.path("clean_text").asBoolean(true),
        norm.path("handle_chinese_chars").asBoolean(true),
        strip.isBoolean() ? strip.asBoolean() : lowercase, lowercase);
    String unkToken = model.path("unk_token").asText("[UNK]");
    int maxChars = model.path("max_input_chars_per_word").asInt(100);
    return new WordPieceTokenizer(n, vocab, id(vocab, "[CLS]", source), id(vocab, "[SEP]", source),
        id(vocab, "[PAD]", source), id(vocab, unkToken, source), maxChars);
  }

  private static int id(WordPieceVocabulary v, String token, String source) {
    int id = v.wordId(token);
    if (id < 0) {
      throw new ModerationException("tokenizer " + source + ": the vocabulary has no " + token + " token");
    }
    return id;
  }

  /** The number of tokens in the vocabulary. */
  public int vocabularySize() {
    return vocab.size();
  }

  /** The id of the padding token. */
  public int padId() {
    return pad;
  }

  /**
   * Tokenises {@code text} into {@code [CLS] pieces... [SEP]}, keeping at most {@code maxTokens}
   * ids (the special tokens included): pieces past the limit are dropped.
   *
   * @throws IllegalArgumentException if {@code maxTokens} is below 2
   */
  public Tokenization encode(String text, int maxTokens) {
    Objects.requireNonNull(text, "text");
    if (maxTokens < 2) {
      throw new IllegalArgumentException("maxTokens must be at least 2 (for [CLS] and [SEP]), got " + maxTokens);
    }
    IntList out = new IntList(Math.min(maxTokens, text.length() + 2));
    out.add(cls);
    boolean truncated = pieces(text, out, maxTokens - 1);
    out.add(sep);
    return new Tokenization(out.toArray(), truncated);
  }

  /**
   * The normalised text with white space collapsed: it tokenises exactly as {@code text} does
   * (the key of the semantic stage's cache).
   */
  public String cacheKey(String text) {
    String n = normalization.apply(text);
    StringBuilder b = new StringBuilder(n.length());
    boolean space = true;
    for (int i = 0; i < n.length(); ) {
      int c = n.codePointAt(i);
      i += Character.charCount(c);
      if (BertNormalization.isWhitespace(c)) {
        space = true;
        continue;
      }
      if (space && b.length() > 0) {
        b.append(' ');
      }
      space = false;
      b.appendCodePoint(c);
    }
    return b.toString();
  }

  /** The word pieces of {@code text} as strings, without special tokens (for inspection). */
  public List<String> tokens(String text) {
    IntList ids = new IntList(16);
    pieces(text, ids, Integer.MAX_VALUE);
    List<String> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      out.add(vocab.token(ids.get(i)));
    }
    return out;
  }

  /** Appends the pieces of {@code text} while {@code out} is shorter than {@code limit}. */
  private boolean pieces(String text, IntList out, int limit) {
    String normalized = normalization.apply(text);
    int n = normalized.length();
    int i = 0;
    while (i < n) {
      int c = normalized.codePointAt(i);
      if (BertNormalization.isWhitespace(c)) {
        i += Character.charCount(c);
        continue;
      }
      int end;
      if (BertNormalization.isPunctuation(c)) {
        end = i + Character.charCount(c);
      } else {
        end = i;
        while (end < n) {
          int d = normalized.codePointAt(end);
          if (BertNormalization.isWhitespace(d) || BertNormalization.isPunctuation(d)) {
            break;
          }
          end += Character.charCount(d);
        }
      }
      if (out.size() >= limit) {
        return true;
      }
      word(normalized, i, end, out, limit);
      if (out.size() > limit) {
        out.truncate(limit);
        return true;
      }
      i = end;
    }
    return false;
  }

  /** Greedy longest-match-first WordPiece of one word; the whole word is unknown if any part is. */
  private void word(String s, int start, int end, IntList out, int limit) {
    if (s.codePointCount(start, end) > maxCharsPerWord) {
      out.add(unk);
      return;
    }
    int mark = out.size();
    int pos = start;
    boolean first = true;
    while (pos < end) {
      long match = vocab.longestMatch(s, pos, end, !first);
      if (match < 0) {
        out.truncate(mark);
        out.add(unk);
        return;
      }
      out.add((int) (match >>> 32));
      pos = (int) match;
      first = false;
      if (out.size() > limit) {
        return; // the caller truncates
      }
    }
  }

  /**
   * The ids of one text.
   *
   * @param ids {@code [CLS]}, the word pieces, {@code [SEP]}
   * @param truncated whether word pieces were dropped to keep within the limit
   */
  public record Tokenization(int[] ids, boolean truncated) {
    public Tokenization {
      ids = ids.clone();
    }

    @Override
    public int[] ids() {
      return ids.clone();
    }

    /** The number of ids, special tokens included. */
    public int length() {
      return ids.length;
    }

    int[] idsUnsafe() {
      return ids;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Tokenization t && truncated == t.truncated && java.util.Arrays.equals(ids, t.ids);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(ids) * 31 + Boolean.hashCode(truncated);
    }

    @Override
    public String toString() {
      return "Tokenization" + java.util.Arrays.toString(ids) + (truncated ? " (truncated)" : "");
    }
  }

  /** A growable int array. */
  static final class IntList {
    private int[] a;
    private int n;

    IntList(int capacity) {
      a = new int[Math.max(4, capacity)];
    }

    void add(int v) {
      if (n == a.length) {
        a = java.util.Arrays.copyOf(a, a.length * 2);
      }
      a[n++] = v;
    }

    int get(int i) {
      return a[i];
    }

    int size() {
      return n;
    }

    void truncate(int size) {
      n = size;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(a, n);
    }
  }
}
