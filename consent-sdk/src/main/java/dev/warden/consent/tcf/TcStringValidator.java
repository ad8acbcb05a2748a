package dev.warden.consent.tcf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a decoded {@link TcString} against the current TCF policy (2.2 and 2.3) and returns every
 * violation, not just the first. Decoding checks only the format; a string can decode and still be
 * one a vendor must treat as invalid. Immutable and thread-safe.
 *
 * {@snippet :
 * TcStringValidator validator = TcStringValidator.builder().clock(clock).build();
 * List<TcViolation> problems = validator.validate(TcString.decode(s));
 * }
 */
public final class TcStringValidator {

  /** Purposes the TCF 2.2 and 2.3 policies define. */
  static final int MAX_PURPOSE = 11;
  /** Special features the policies define. */
  static final int MAX_SPECIAL_FEATURE = 2;
  private static final int[] NO_LEGITIMATE_INTEREST = {1, 3, 4, 5, 6};

  private final Clock clock;
  private final Duration clockSkew;

  private TcStringValidator(Builder b) {
    this.clock = b.clock;
    this.clockSkew = b.clockSkew;
  }

  /** A builder with the system UTC clock and five minutes of allowed clock skew. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether purpose {@code purposeId} may rely on legitimate interest under policy version 4 or later. */
  static boolean legitimateInterestPermitted(int purposeId) {
    for (int p : NO_LEGITIMATE_INTEREST) {
      if (p == purposeId) {
        return false;
      }
    }
    return true;
  }

  /** Every violation of the current policy, in field order; empty when the string is valid. */
  public List<TcViolation> validate(TcString t) {
    List<TcViolation> out = new ArrayList<>();
    if (t.version() != 2) {
      out.add(v(TcViolation.Rule.VERSION, "version", "version must be 2, got " + t.version()
          + " (TCF v1 strings are no longer valid)"));
      return out;
    }
    Instant latest = clock.instant().plus(clockSkew);
    if (t.created().isAfter(latest)) {
      out.add(v(TcViolation.Rule.TIMESTAMP, "created", "created " + t.created() + " is in the future"));
    }
    if (t.lastUpdated().isAfter(latest)) {
      out.add(v(TcViolation.Rule.TIMESTAMP, "lastUpdated", "lastUpdated " + t.lastUpdated() + " is in the future"));
    }
    if (t.lastUpdated().isBefore(t.created())) {
      out.add(v(TcViolation.Rule.TIMESTAMP, "lastUpdated", "lastUpdated " + t.lastUpdated()
          + " precedes created " + t.created()));
    }
    letters(out, "consentLanguage", t.consentLanguage());
    letters(out, "publisherCC", t.publisherCC());
    int policy = t.tcfPolicyVersion();
    if (policy != 4 && policy != 5) {
      out.add(v(TcViolation.Rule.POLICY_VERSION, "tcfPolicyVersion",
          "tcfPolicyVersion must be 4 (TCF 2.2) or 5 (TCF 2.3), got " + policy));
    }
    if (!t.isServiceSpecific()) {
      out.add(v(TcViolation.Rule.SERVICE_SPECIFIC, "isServiceSpecific", "isServiceSpecific must be true"));
    }
    undefined(out, "specialFeatureOptIns", t.specialFeatureOptIns(), MAX_SPECIAL_FEATURE);
    undefined(out, "purposesConsent", t.purposesConsent(), MAX_PURPOSE);
    undefined(out, "purposesLITransparency", t.purposesLITransparency(), MAX_PURPOSE);
    List<Integer> badLi = new ArrayList<>();
    t.purposesLITransparency().forEach(p -> {
      if (!legitimateInterestPermitted(p)) {
        badLi.add(p);
      }
    });
    if (!badLi.isEmpty()) {
      out.add(v(TcViolation.Rule.LEGITIMATE_INTEREST_NOT_PERMITTED, "purposesLITransparency",
          "legitimate interest is not permitted for purposes " + badLi
              + " (never for purpose 1, and not for purposes 3 to 6 from TCF 2.2)"));
    }
    restrictions(out, t.publisherRestrictions());
    if (policy >= 5 && !t.hasDisclosedVendors()) {
      out.add(v(TcViolation.Rule.DISCLOSED_VENDORS_MISSING, "disclosedVendors",
          "the disclosed vendors segment is mandatory from TCF 2.3 (policy version 5)"));
    }
    if (t.hasDisclosedVendors()) {
      undisclosed(out, "vendorConsent", t.vendorConsent(), t.disclosedVendors());
      undisclosed(out, "vendorLegitimateInterest", t.vendorLegitimateInterest(), t.disclosedVendors());
    }
    return out;
  }

  private static TcViolation v(TcViolation.Rule rule, String field, String message) {
    return new TcViolation(rule, field, message);
  }

  private static void letters(List<TcViolation> out, String field, String s) {
    if (s.length() != 2 || s.charAt(0) < 'A' || s.charAt(0) > 'Z' || s.charAt(1) < 'A' || s.charAt(1) > 'Z') {
      out.add(v(TcViolation.Rule.LETTERS, field, field + " must be two letters A-Z, got '" + s + "'"));
    }
  }

  private static void undefined(List<TcViolation> out, String field, IdSet ids, int max) {
    if (ids.max() > max) {
      List<Integer> extra = new ArrayList<>();
      ids.forEach(id -> {
        if (id > max) {
          extra.add(id);
        }
      });
      out.add(v(TcViolation.Rule.UNDEFINED_ID, field, field + " sets ids " + extra
          + " that the policy does not define (1 to " + max + ")"));
    }
  }

  private static void undisclosed(List<TcViolation> out, String field, IdSet vendors, IdSet disclosed) {
    List<Integer> missing = new ArrayList<>();
    int[] count = {0};
    vendors.forEach(id -> {
      if (!disclosed.contains(id)) {
        count[0]++;
        if (missing.size() < 10) {
          missing.add(id);
        }
      }
    });
    if (count[0] > 0) {
      out.add(v(TcViolation.Rule.VENDOR_NOT_DISCLOSED, field, count[0] + " vendors in " + field
          + " are not in disclosedVendors, first " + missing));
    }
  }

  private static void restrictions(List<TcViolation> out, List<PublisherRestriction> list) {
    Map<Integer, Integer> firstByPurposeAndType = new HashMap<>();
    Map<Integer, List<Integer>> byPurpose = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      PublisherRestriction r = list.get(i);
      String field = "publisherRestrictions[" + i + "]";
      int p = r.purposeId();
      if (p < 1 || p > MAX_PURPOSE) {
        out.add(v(TcViolation.Rule.PUBLISHER_RESTRICTION, field, "purpose " + p + " is not a purpose (1 to "
            + MAX_PURPOSE + ")"));
      }
      if (r.restrictionType() == RestrictionType.UNDEFINED) {
        out.add(v(TcViolation.Rule.PUBLISHER_RESTRICTION, field, "restriction type 3 is undefined"));
      }
      if (r.restrictionType() == RestrictionType.REQUIRE_LEGITIMATE_INTEREST && !legitimateInterestPermitted(p)) {
        out.add(v(TcViolation.Rule.PUBLISHER_RESTRICTION, field, "purpose " + p
            + " cannot be required on legitimate interest"));
      }
      if (r.vendorIds().isEmpty()) {
        out.add(v(TcViolation.Rule.PUBLISHER_RESTRICTION, field, "the restriction lists no vendors"));
      }
      Integer earlier = firstByPurposeAndType.putIfAbsent(p * 4 + r.restrictionType().code(), i);
      if (earlier != null) {
        out.add(v(TcViolation.Rule.PUBLISHER_RESTRICTION, field, "repeats purpose " + p + " with type "
            + r.restrictionType() + " of publisherRestrictions[" + earlier + "]"));
      }
      for (int j : byPurpose.getOrDefault(p, List.of())) {
        PublisherRestriction o = list.get(j);
        if (o.restrictionType() != r.restrictionType()) {
          int shared = firstShared(r.vendorIds(), o.vendorIds());
          if (shared > 0) {
            out.add(v(TcViolation.Rule.PUBLISHER_RESTRICTION, field, "vendor " + shared + " is restricted for purpose "
                + p + " both as " + r.restrictionType() + " and, in publisherRestrictions[" + j + "], as "
                + o.restrictionType()));
          }
        }
      }
      byPurpose.computeIfAbsent(p, k -> new ArrayList<>()).add(i);
    }
  }

  private static int firstShared(IdSet a, IdSet b) {
    int x = a.next(1);
    int y = b.next(1);
    while (x > 0 && y > 0) {
      if (x == y) {
        return x;
      }
      if (x < y) {
        x = a.next(y);
      } else {
        y = b.next(x);
      }
    }
    return -1;
  }

  /** Builds a {@link TcStringValidator}. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofMinutes(5);

    private Builder() {}

    /** The clock that decides whether a timestamp is in the future. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How far in the future a timestamp may be before it is a violation; 0 to 1 day. */
    public Builder clockSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative() || skew.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("clockSkew must be between 0 and 1 day, got " + skew);
      }
      this.clockSkew = skew;
      return this;
    }

    /** Builds the immutable instance. */
    public TcStringValidator build() {
      return new TcStringValidator(this);
    }
  }
}
