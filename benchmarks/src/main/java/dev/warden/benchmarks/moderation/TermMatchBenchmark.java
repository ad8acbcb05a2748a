package dev.warden.benchmarks.moderation;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import dev.warden.moderation.internal.MatchSink;
import dev.warden.moderation.internal.NormalizedText;
import dev.warden.moderation.internal.TermAutomaton;
import dev.warden.moderation.internal.TextNormalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Raw multi-term matching: every term of Warden's built-in lexicons (all ten languages) found in
 * the corpus (I2P development prompts plus Warden's harmless prompts). One operation scans the
 * whole corpus; all contestants get the same terms and the same text, prepared outside the
 * measurement: lower-cased for the peers, normalised for Warden's automaton (so characters per
 * second compare directly: the corpus size is printed at setup).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar TermMatchBenchmark -prof gc}
 * (the {@code gc.alloc.rate.norm} of {@code wardenMatcher} shows the scan allocates nothing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
public class TermMatchBenchmark {

  private char[][] normalized;
  private int[] normalizedLength;
  private String[] lowered;
  private TermAutomaton automaton;
  private AhoCorasickDoubleArrayTrie<String> hankcs;
  private Trie ahocorasick;
  private Pattern regex;

  /** Counts matches without allocating. */
  private static final class Counter implements MatchSink {
    int count;

    @Override
    public void match(int pattern, int end) {
      count++;
    }
  }

  private final Counter counter = new Counter();

  @Setup(Level.Trial)
  public void setUp() {
    List<String> prompts = ModerationCorpus.prompts();
    List<String> terms = ModerationCorpus.terms();
    lowered = prompts.stream().map(p -> p.toLowerCase(Locale.ROOT)).toArray(String[]::new);
    normalized = new char[prompts.size()][];
    normalizedLength = new int[prompts.size()];
    NormalizedText t = new NormalizedText();
    for (int i = 0; i < prompts.size(); i++) {
      TextNormalizer.normalize(prompts.get(i), t);
      normalized[i] = Arrays.copyOf(t.chars(), t.length());
      normalizedLength[i] = t.length();
    }
    List<char[]> patterns = new ArrayList<>();
    for (String term : terms) {
      TextNormalizer.normalize(term, t);
      patterns.add(Arrays.copyOf(t.chars(), t.length()));
    }
    automaton = TermAutomaton.compile(patterns);
    TreeMap<String, String> map = new TreeMap<>();
    terms.forEach(x -> map.put(x, x));
    hankcs = new AhoCorasickDoubleArrayTrie<>();
    hankcs.build(map);
    ahocorasick = Trie.builder().addKeywords(terms).build();
    regex = Pattern.compile(terms.stream().sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote).collect(Collectors.joining("|")));
    long chars = Arrays.stream(lowered).mapToLong(String::length).sum();
    System.out.printf("corpus: %d prompts, %d chars; lexicon: %d terms; automaton: %s%n",
        prompts.size(), chars, terms.size(), automaton);
  }

  /** Reads every character once: the floor under any matcher. */
  @Benchmark
  public long baseline() {
    long sum = 0;
    for (String s : lowered) {
      for (int i = 0; i < s.length(); i++) {
        sum += s.charAt(i);
      }
    }
    return sum;
  }

  @Benchmark
  public int wardenMatcher() {
    counter.count = 0;
    for (int i = 0; i < normalized.length; i++) {
      automaton.scan(normalized[i], 0, normalizedLength[i], counter);
    }
    return counter.count;
  }

  @Benchmark
  public int hankcsDoubleArrayTrie() {
    int[] count = {0};
    AhoCorasickDoubleArrayTrie.IHit<String> hit = (b, e, v) -> count[0]++;
    for (String s : lowered) {
      hankcs.parseText(s, hit);
    }
    return count[0];
  }

  @Benchmark
  public int orgAhocorasick() {
    int[] count = {0};
    for (String s : lowered) {
      ahocorasick.parseText(s, emit -> {
        count[0]++;
        return true;
      });
    }
    return count[0];
  }

  @Benchmark
  public int regexAlternation() {
    int count = 0;
    for (String s : lowered) {
      Matcher m = regex.matcher(s);
      while (m.find()) {
        count++;
      }
    }
    return count;
  }
}
