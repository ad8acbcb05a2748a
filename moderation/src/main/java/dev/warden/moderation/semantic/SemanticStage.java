package dev.warden.moderation.semantic;

import dev.warden.moderation.ModerationException;
import dev.warden.moderation.StageResult;
import dev.warden.moderation.TextContext;
import dev.warden.moderation.TextPrompt;
import dev.warden.moderation.TextStage;
import dev.warden.policy.ContentRule;
import dev.warden.policy.Policy;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The semantic stage: a sentence embedding of the prompt scored by classification heads, which
 * catches what word lists cannot ("The Bather by Bouguereau"). Thread-safe: one stage serves every
 * request; the encoder's session is created once and shared.
 *
 * <p>A head fires when its score reaches the threshold of its category's content rule in the
 * request's policy ({@code threshold}, default 0.5; the heads' scores are calibrated so that 0.5 is
 * their operating point). The finding names the head and its score ({@link Reason.Model}).
 *
 * <p>Concurrent requests are grouped into batches by a micro-batcher (bounded wait, bounded batch);
 * scores are cached by the normalised prompt. Each request waits at most the time budget: when it
 * runs out (or the queue is full) the stage reports a finding of {@link #TIMEOUT}, and the policy's
 * content rule for that category decides. Without one the prompt is flagged (fail open: allow and
 * flag); a rule that blocks makes the stage fail closed.
 *
 * {@snippet :
 * try (SemanticStage semantic = SemanticStage.builder().build()) {   // built-in encoder and heads
 *   ModerationEngine engine = ModerationEngine.builder()
 *       .addStage(semantic, StageMode.WHEN_ALLOWED)                      // only what the rules let pass
 *       .build();
 *   TextDecision d = engine.moderate(TextPrompt.of("The Bather by Bouguereau"));
 * }
 * }
 */
public final class SemanticStage implements TextStage, AutoCloseable {

  /** The stage's name. */
  public static final String NAME = "semantic";

  /** The category of the finding when the stage could not answer within its time budget. */
  public static final Category TIMEOUT = Category.of("input/semantic-timeout");

  /** The longest part of a prompt the stage reads, in characters (the encoder reads at most 256 word pieces). */
  public static final int MAX_CHARS = 4096;

  private final Supplier<TextEncoder> encoder;
  private final boolean ownsEncoder;
  private final TextHeads heads;
  private final ScoreCache cache;
  private final long budgetNanos;
  private final int maxBatch;
  private final long maxWaitNanos;
  private final int workers;
  private final int queueCapacity;
  private volatile MicroBatcher batcher;
  private volatile boolean closed;

  private SemanticStage(Builder b) {
    this.heads = b.heads != null ? b.heads : TextHeads.builtIn();
    this.ownsEncoder = b.encoder == null;
    this.cache = new ScoreCache(b.cacheSize);
    this.budgetNanos = b.timeBudget.toNanos();
    this.maxBatch = b.maxBatch;
    this.maxWaitNanos = b.maxWait.toNanos();
    this.workers = b.workers;
    this.queueCapacity = b.queueCapacity;
    TextEncoder given = b.encoder;
    if (given != null) {
      heads.requireCompatible(given);
      this.encoder = () -> given;
    } else {
      BuiltInEncoder model = builtInFor(heads);
      this.encoder = new Lazy<>(() -> SentenceEncoder.builder().model(model).build());
    }
    if (b.eager) {
      batcher();
    }
  }

  private static BuiltInEncoder builtInFor(TextHeads heads) {
    for (BuiltInEncoder e : BuiltInEncoder.values()) {
      if (e.id().equals(heads.encoder())) {
        return e;
      }
    }
    throw new ModerationException("the heads were trained for encoder " + heads.encoder()
        + ", which is not built in: give that encoder to the builder");
  }

  /** A builder with the built-in encoder and heads, loaded on the first prompt. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The heads in use. */
  public TextHeads heads() {
    return heads;
  }

  /** The number of prompts whose scores are cached. */
  public int cachedPrompts() {
    return cache.size();
  }

  @Override
  public StageResult apply(TextPrompt prompt, TextContext context) {
    String text = prompt.prompt();
    List<Reason.Limit> limits = new ArrayList<>(0);
    if (text.length() > MAX_CHARS) {
      limits.add(new Reason.Limit("semantic-max-chars", "the semantic stage read the first " + MAX_CHARS
          + " of " + text.length() + " characters"));
      text = text.substring(0, Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS);
    }
    MicroBatcher b = batcher();
    String key = encoder.get().cacheKey(text);
    double[] scores = cache.get(key);
    if (scores == null) {
      CompletableFuture<float[]> f = b.submit(key);
      float[] embedding;
      try {
        embedding = f.get(budgetNanos, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        f.cancel(false);
        return timeout(context.policy(), limits, "no embedding within " + budgetNanos / 1_000_000 + " ms");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        f.cancel(false);
        return timeout(context.policy(), limits, "interrupted while waiting for the embedding");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof MicroBatcher.QueueFull q) {
          return timeout(context.policy(), limits, q.getMessage());
        }
        throw new ModerationException("semantic stage: " + e.getCause().getMessage(), e.getCause());
      }
      scores = score(embedding);
      cache.put(key, scores);
    }
    return new StageResult(findings(scores, context.policy()), List.of(), limits);
  }

  private double[] score(float[] embedding) {
    List<TextHead> hs = heads.heads();
    double[] s = new double[hs.size()];
    for (int i = 0; i < s.length; i++) {
      s[i] = hs.get(i).score(embedding);
    }
    return s;
  }

  private List<Finding> findings(double[] scores, Policy policy) {
    List<Finding> out = new ArrayList<>(1);
    List<TextHead> hs = heads.heads();
    for (int i = 0; i < scores.length; i++) {
      TextHead h = hs.get(i);
      double threshold = policy.contentRule(h.category()).map(ContentRule::threshold)
          .orElse(ContentRule.DEFAULT_THRESHOLD);
      if (scores[i] >= threshold) {
        double s = Math.min(1, Math.max(0, scores[i]));
        out.add(Finding.of(h.category(), h.severity(), s, new Reason.Model(h.id(), s, threshold)));
      }
    }
    return out;
  }

  private StageResult timeout(Policy policy, List<Reason.Limit> limits, String detail) {
    Reason.Limit limit = new Reason.Limit("semantic-time-budget", detail + "; the policy's rule for "
        + TIMEOUT + " decides (none: flag for review)");
    List<Reason.Limit> all = new ArrayList<>(limits);
    all.add(limit);
    return new StageResult(List.of(Finding.of(TIMEOUT, Severity.MEDIUM, 1.0, limit)), List.of(), all);
  }

  private MicroBatcher batcher() {
    MicroBatcher b = batcher;
    if (b == null) {
      synchronized (this) {
        if (closed) {
          throw new ModerationException("the semantic stage is closed");
        }
        b = batcher;
        if (b == null) {
          TextEncoder e = encoder.get(); // loads the model once, outside any request's budget
          b = new MicroBatcher(e::embed, maxBatch, maxWaitNanos, workers, queueCapacity);
          batcher = b;
        }
      }
    }
    return b;
  }

  /** Stops the batcher and, if the stage loaded it, closes the encoder. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      if (batcher != null) {
        batcher.close();
      }
      if (ownsEncoder && encoder instanceof Lazy<TextEncoder> l && l.loaded()) {
        l.get().close();
      }
    }
  }

  @Override
  public String toString() {
    return "SemanticStage[" + heads.encoder() + ", " + heads.heads().size() + " heads]";
  }

  /** A value computed once, on first use. */
  private static final class Lazy<T> implements Supplier<T> {
    private final Supplier<T> make;
    private volatile T value;

    Lazy(Supplier<T> make) {
      this.make = make;
    }

    @Override
    public T get() {
      T v = value;
      if (v == null) {
        synchronized (this) {
          v = value;
          if (v == null) {
            v = Objects.requireNonNull(make.get());
            value = v;
          }
        }
      }
      return v;
    }

    boolean loaded() {
      return value != null;
    }
  }

  /** Configures a {@link SemanticStage}; each setter checks its value. Not thread-safe. */
  public static final class Builder {
    private TextEncoder encoder;
    private TextHeads heads;
    private boolean eager;
    private int cacheSize = 10_000;
    private Duration timeBudget = Duration.ofMillis(250);
    private int maxBatch = 32;
    private Duration maxWait = Duration.ofMillis(2);
    private int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    private int queueCapacity = 4096;

    private Builder() {}

    /**
     * The encoder (default: the built-in encoder the heads were trained for, normally the quantised
     * all-MiniLM-L6-v2, which the stage loads and closes). A given encoder stays the caller's to
     * close.
     */
    public Builder encoder(TextEncoder e) {
      this.encoder = Objects.requireNonNull(e, "encoder");
      return this;
    }

    /** The heads (default: {@link TextHeads#builtIn()}); they must fit the encoder. */
    public Builder heads(TextHeads h) {
      this.heads = Objects.requireNonNull(h, "heads");
      return this;
    }

    /** Load the model when the stage is built (true) or on the first prompt (false, the default). */
    public Builder loadEagerly(boolean eager) {
      this.eager = eager;
      return this;
    }

    /** How many prompts' scores to cache; 0 turns the cache off (default 10,000). */
    public Builder cacheSize(int prompts) {
      if (prompts < 0 || prompts > 10_000_000) {
        throw new IllegalArgumentException("cacheSize must be in [0, 10000000], got " + prompts);
      }
      this.cacheSize = prompts;
      return this;
    }

    /** The longest a request waits for its embedding, from 1 ms to 1 minute (default 250 ms). */
    public Builder timeBudget(Duration budget) {
      Objects.requireNonNull(budget, "timeBudget");
      if (budget.compareTo(Duration.ofMillis(1)) < 0 || budget.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("timeBudget must be from 1 ms to 1 minute, got " + budget);
      }
      this.timeBudget = budget;
      return this;
    }

    /** The most prompts embedded in one batch, 1 to 256 (default 32). */
    public Builder maxBatch(int n) {
      if (n < 1 || n > 256) {
        throw new IllegalArgumentException("maxBatch must be in [1, 256], got " + n);
      }
      this.maxBatch = n;
      return this;
    }

    /** How long a batch waits for more prompts once it has one, 0 to 100 ms (default 2 ms). */
    public Builder maxWait(Duration wait) {
      Objects.requireNonNull(wait, "maxWait");
      if (wait.isNegative() || wait.compareTo(Duration.ofMillis(100)) > 0) {
        throw new IllegalArgumentException("maxWait must be from 0 to 100 ms, got " + wait);
      }
      this.maxWait = wait;
      return this;
    }

    /**
     * Threads that run batches, 1 to 64 (default: one per core, at most 4; with the default
     * encoder each batch runs on one core).
     */
    public Builder workers(int n) {
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("workers must be in [1, 64], got " + n);
      }
      this.workers = n;
      return this;
    }

    /** The most prompts waiting for a batch; more fail at once as a timeout (default 4096). */
    public Builder queueCapacity(int n) {
      if (n < 1 || n > 1_000_000) {
        throw new IllegalArgumentException("queueCapacity must be in [1, 1000000], got " + n);
      }
      this.queueCapacity = n;
      return this;
    }

    /**
     * Builds the stage; with {@link #loadEagerly(boolean)} it loads the model now.
     *
     * @throws ModerationException if the heads do not fit the encoder or the model cannot load
     */
    public SemanticStage build() {
      return new SemanticStage(this);
    }
  }
}
