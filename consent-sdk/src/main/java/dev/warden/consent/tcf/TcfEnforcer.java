package dev.warden.consent.tcf;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Answers the question a server has about a TC string: may vendor V process for purpose P? Built
 * once from the Global Vendor List; immutable and thread-safe, so one instance serves every request.
 * To use a newer GVL, build a new enforcer and swap the reference.
 *
 * {@snippet :
 * TcfEnforcer enforcer = TcfEnforcer.builder()
 *     .vendorList(GlobalVendorList.load(Path.of("vendor-list.json")))
 *     .build();
 * TcfDecision d = enforcer.permissions(TcString.decode(cookie)).allowsProcessing(755, 4);
 * if (!d.allowed()) {
 *   log.debug("vendor 755 may not personalise ads: {} ({})", d.rule(), d.explanation());
 * }
 * }
 */
public final class TcfEnforcer {

  private final GlobalVendorList gvl;
  private final Clock clock;
  private final TcStringValidator validator;
  private final boolean honourPurposeOneTreatment;

  private TcfEnforcer(Builder b) {
    this.gvl = b.gvl;
    this.clock = b.clock;
    this.validator = b.validate ? TcStringValidator.builder().clock(b.clock).build() : null;
    this.honourPurposeOneTreatment = b.honourPurposeOneTreatment;
  }

  /** A builder; {@link Builder#vendorList(GlobalVendorList)} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The vendor list decisions are made against. */
  public GlobalVendorList vendorList() {
    return gvl;
  }

  /** The permissions of one TC string; validates it once (unless validation is off). */
  public TcfPermissions permissions(TcString tcString) {
    Objects.requireNonNull(tcString, "tcString");
    List<TcViolation> violations = validator == null ? List.of() : List.copyOf(validator.validate(tcString));
    return new TcfPermissions(tcString, gvl, clock.instant(), violations, honourPurposeOneTreatment);
  }

  /** Shorthand for {@code permissions(tcString).allowsProcessing(vendorId, purposeId)}. */
  public TcfDecision allowsProcessing(TcString tcString, int vendorId, int purposeId) {
    return permissions(tcString).allowsProcessing(vendorId, purposeId);
  }

  /** Builds a {@link TcfEnforcer}. */
  public static final class Builder {
    private GlobalVendorList gvl;
    private Clock clock = Clock.systemUTC();
    private boolean validate = true;
    private boolean honourPurposeOneTreatment;

    private Builder() {}

    /** The Global Vendor List to decide against (required). */
    public Builder vendorList(GlobalVendorList gvl) {
      this.gvl = Objects.requireNonNull(gvl, "gvl");
      return this;
    }

    /** The clock for vendor deletion dates and timestamp checks (default: system UTC). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Whether a string that breaks the policy allows nothing (default true). Turn off only to read
     * legacy strings (policy version 2) for analysis, never to enforce.
     */
    public Builder rejectInvalidStrings(boolean reject) {
      this.validate = reject;
      return this;
    }

    /**
     * Whether a string with PurposeOneTreatment set (purpose 1 not disclosed, in a country that
     * does not require it) lets purpose 1 proceed on vendor consent alone (default false: purpose 1
     * then needs its consent bit like any purpose).
     */
    public Builder honourPurposeOneTreatment(boolean honour) {
      this.honourPurposeOneTreatment = honour;
      return this;
    }

    /** Builds the immutable instance. */
    public TcfEnforcer build() {
      if (gvl == null) {
        throw new IllegalStateException("vendorList must be set");
      }
      return new TcfEnforcer(this);
    }
  }
}
