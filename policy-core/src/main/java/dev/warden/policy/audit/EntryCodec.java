package dev.warden.policy.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The journal's line format. A line is a JSON object with keys in a fixed order, so the hash can
 * cover the exact bytes written and verification needs no JSON parsing:
 *
 * <pre>{"seq":N,"ts":"...","type":"...","subject":"...","payload":{...},"prev":"HEX","hash":"HEX"}</pre>
 *
 * The hash covers every byte before {@code ,"hash":"}.
 */
final class EntryCodec {

  static final byte[] SEQ_PREFIX = ascii("{\"seq\":");
  static final byte[] PREV_PREFIX = ascii(",\"prev\":\"");
  static final byte[] HASH_PREFIX = ascii(",\"hash\":\"");
  /** {@code ,"hash":"} + 64 hex + {@code "}}. */
  static final int SUFFIX_LENGTH = HASH_PREFIX.length + ChainHash.HEX_LENGTH + 2;
  /** {@code ,"prev":"} + 64 hex + {@code "}. */
  static final int PREV_LENGTH = PREV_PREFIX.length + ChainHash.HEX_LENGTH + 1;

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9._-]{0,127}");
  private static final int MAX_PAYLOAD_DEPTH = 16;
  private static final byte[] HEX = ascii("0123456789abcdef");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private byte[] buf = new byte[512];
  private int len;

  static void checkType(String type) {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("audit entry type must be lower-case words joined by '.', '_'"
          + " or '-' (at most 128 characters), got " + (type == null ? "null" : "'" + type + "'"));
    }
  }

  /**
   * Encodes an entry into this codec's buffer, hashes it, and returns the hex hash; the full line
   * (with its newline) is then in {@link #bytes()} up to {@link #length()}.
   */
  String encode(long seq, Instant ts, String type, Pseudonym subject, Map<String, ?> payload,
      String prevHex, ChainHash hasher) {
    len = 0;
    put(SEQ_PREFIX);
    putAscii(Long.toString(seq));
    putAscii(",\"ts\":\"");
    putAscii(ts.toString());
    putAscii("\",\"type\":\"");
    putAscii(type);
    putAscii("\"");
    if (subject != null) {
      putAscii(",\"subject\":\"");
      putAscii(subject.value());
      putAscii("\"");
    }
    putAscii(",\"payload\":");
    value(payload, "payload", 0);
    put(PREV_PREFIX);
    putAscii(prevHex);
    putAscii("\"");
    byte[] h = hasher.hash(buf, 0, len);
    put(HASH_PREFIX);
    int at = len;
    ensure(ChainHash.HEX_LENGTH + 3);
    for (byte b : h) {
      buf[len++] = HEX[(b >> 4) & 0xF];
      buf[len++] = HEX[b & 0xF];
    }
    String hex = new String(buf, at, ChainHash.HEX_LENGTH, StandardCharsets.ISO_8859_1);
    buf[len++] = '"';
    buf[len++] = '}';
    buf[len++] = '\n';
    return hex;
  }

  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  private void value(Object v, String path, int depth) {
    if (depth > MAX_PAYLOAD_DEPTH) {
      throw new IllegalArgumentException("audit payload nested deeper than " + MAX_PAYLOAD_DEPTH + " at " + path);
    }
    if (v == null) {
      putAscii("null");
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Boolean b) {
      putAscii(b ? "true" : "false");
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      putAscii(v.toString());
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (!Double.isFinite(d)) {
        throw new IllegalArgumentException("audit payload value at " + path + " is not finite: " + d);
      }
      putAscii(Double.toString(d));
    } else if (v instanceof BigDecimal d) {
      putAscii(d.toString());
    } else if (v instanceof Enum<?> e) {
      string(e.name());
    } else if (v instanceof Instant i) {
      string(i.toString());
    } else if (v instanceof Pseudonym p) {
      string(p.value());
    } else if (v instanceof Map<?, ?> m) {
      putAscii("{");
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getKey() instanceof String k)) {
          throw new IllegalArgumentException("audit payload keys must be strings, got "
              + (e.getKey() == null ? "null" : e.getKey().getClass().getSimpleName()) + " at " + path);
        }
        if (!first) {
          putAscii(",");
        }
        first = false;
        string(k);
        putAscii(":");
        value(e.getValue(), path + "." + k, depth + 1);
      }
      putAscii("}");
    } else if (v instanceof Collection<?> c) {
      putAscii("[");
      int i = 0;
      for (Object o : c) {
        if (i > 0) {
          putAscii(",");
        }
        value(o, path + "[" + i + "]", depth + 1);
        i++;
      }
      putAscii("]");
    } else {
      throw new IllegalArgumentException("audit payload value at " + path + " has unsupported type "
          + v.getClass().getName() + " (use strings, numbers, booleans, null, lists and maps)");
    }
  }

  private void string(String s) {
    ensure(s.length() * 3 + 2);
    buf[len++] = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        ensure(2 + (s.length() - i) * 3);
        buf[len++] = '\\';
        buf[len++] = (byte) c;
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        ensure(6 + (s.length() - i) * 3);
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[(c >> 12) & 0xF];
        buf[len++] = HEX[(c >> 8) & 0xF];
        buf[len++] = HEX[(c >> 4) & 0xF];
        buf[len++] = HEX[c & 0xF];
      } else if (c < 0x80) {
        buf[len++] = (byte) c;
      } else if (c < 0x800) {
        buf[len++] = (byte) (0xC0 | (c >> 6));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[len++] = (byte) (0xF0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // A lone surrogate has no UTF-8 form; escape it so the line stays valid and lossless.
        ensure(6 + (s.length() - i) * 3);
        buf[len++] = '\\';
        buf[len++] = 'u';
        buf[len++] = HEX[(c >> 12) & 0xF];
        buf[len++] = HEX[(c >> 8) & 0xF];
        buf[len++] = HEX[(c >> 4) & 0xF];
        buf[len++] = HEX[c & 0xF];
      } else {
        buf[len++] = (byte) (0xE0 | (c >> 12));
        buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    buf[len++] = '"';
  }

  private void putAscii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void put(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, buf, len, b.length);
    len += b.length;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Parses a full line (without its newline) back into an entry. */
  @SuppressWarnings("unchecked")
  static AuditEntry decode(byte[] line, int off, int len) throws java.io.IOException {
    JsonNode n = MAPPER.readTree(line, off, len);
    Map<String, Object> payload = MAPPER.convertValue(n.get("payload"), LinkedHashMap.class);
    JsonNode subject = n.get("subject");
    return new AuditEntry(
        n.get("seq").asLong(),
        Instant.parse(n.get("ts").asText()),
        n.get("type").asText(),
        subject == null ? Optional.empty() : Optional.of(new Pseudonym(subject.asText())),
        payload == null ? Map.of() : java.util.Collections.unmodifiableMap(payload),
        n.get("prev").asText(),
        n.get("hash").asText());
  }
}
