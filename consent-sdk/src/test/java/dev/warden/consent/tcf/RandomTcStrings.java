package dev.warden.consent.tcf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random TC string values covering every field, both vendor encodings and all segments. */
final class RandomTcStrings {

  private final Random random;
  /** The IAB encoder writes an empty restriction vendor list in a way its decoder misreads. */
  private final boolean iabCompatible;

  RandomTcStrings(long seed, boolean iabCompatible) {
    this.random = new Random(seed);
    this.iabCompatible = iabCompatible;
  }

  Random random() {
    return random;
  }

  TcString next() {
    TcStringBuilder b = TcString.builder()
        .version(random.nextInt(20) == 0 ? 1 : 2)
        .created(instant())
        .lastUpdated(instant())
        .cmpId(random.nextInt(4096))
        .cmpVersion(random.nextInt(4096))
        .consentScreen(random.nextInt(64))
        .consentLanguage(letters())
        .vendorListVersion(random.nextInt(4096))
        .tcfPolicyVersion(random.nextInt(64))
        .isServiceSpecific(random.nextBoolean())
        .useNonStandardStacks(random.nextBoolean())
        .specialFeatureOptIns(field(12))
        .purposesConsent(field(24))
        .purposesLITransparency(field(24))
        .purposeOneTreatment(random.nextBoolean())
        .publisherCC(letters())
        .vendorConsent(vendors())
        .vendorLegitimateInterest(vendors());
    int restrictions = random.nextInt(4) == 0 ? random.nextInt(8) : 0;
    for (int i = 0; i < restrictions; i++) {
      IdSet ids = vendors();
      if (iabCompatible && ids.isEmpty()) {
        ids = IdSet.of(1 + random.nextInt(2000));
      }
      b.addPublisherRestriction(new PublisherRestriction(iabCompatible ? 1 + random.nextInt(24) : random.nextInt(64),
          RestrictionType.ofCode(random.nextInt(4)), ids));
    }
    if (random.nextInt(3) > 0) {
      b.disclosedVendors(nonEmptyWhen(iabCompatible));
    }
    if (random.nextInt(4) == 0) {
      b.allowedVendors(nonEmptyWhen(iabCompatible));
    }
    if (random.nextInt(4) == 0) {
      IdSet customConsent = field(random.nextInt(20));
      IdSet customLi = field(random.nextInt(20));
      PublisherTc p = PublisherTc.of(field(24), field(24), customConsent, customLi);
      if (!iabCompatible && random.nextBoolean()) {
        p = new PublisherTc(p.pubPurposesConsent(), p.pubPurposesLITransparency(),
            p.numCustomPurposes() + random.nextInt(64 - p.numCustomPurposes()), customConsent, customLi);
      }
      if (!iabCompatible || !p.pubPurposesConsent().isEmpty() || !p.pubPurposesLITransparency().isEmpty()
          || p.numCustomPurposes() > 0) {
        b.publisherTc(p);
      }
    }
    return b.build();
  }

  private IdSet nonEmptyWhen(boolean nonEmpty) {
    IdSet s = vendors();
    return nonEmpty && s.isEmpty() ? IdSet.of(1 + random.nextInt(3000)) : s;
  }

  private Instant instant() {
    long from = Instant.parse("2015-01-01T00:00:00Z").toEpochMilli() / 100;
    long to = Instant.parse("2030-01-01T00:00:00Z").toEpochMilli() / 100;
    return Instant.ofEpochMilli((from + (long) (random.nextDouble() * (to - from))) * 100);
  }

  private String letters() {
    return "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
  }

  /** A random subset of 1..width. */
  IdSet field(int width) {
    List<Integer> ids = new ArrayList<>();
    double p = random.nextDouble();
    for (int i = 1; i <= width; i++) {
      if (random.nextDouble() < p) {
        ids.add(i);
      }
    }
    return IdSet.copyOf(ids);
  }

  /** Vendor sets of several shapes: empty, sparse, dense, blocks of runs, and huge sparse ids. */
  IdSet vendors() {
    List<Integer> ids = new ArrayList<>();
    int shape = random.nextInt(60);
    // Mostly the sizes real strings have; rarely a dense window near the 16-bit limit, which is
    // slow for the IAB decoder (one call per bit).
    switch (shape < 10 ? 0 : shape < 25 ? 1 : shape < 40 ? 2 : shape < 54 ? 3 : shape < 59 ? 4 : 5) {
      case 0 -> { }
      case 1 -> {
        int n = 1 + random.nextInt(20);
        for (int i = 0; i < n; i++) {
          ids.add(1 + random.nextInt(1500));
        }
      }
      case 2 -> {
        int max = 1 + random.nextInt(1200);
        double p = random.nextDouble();
        for (int i = 1; i <= max; i++) {
          if (random.nextDouble() < p) {
            ids.add(i);
          }
        }
      }
      case 3 -> {
        int at = 1;
        int blocks = 1 + random.nextInt(12);
        for (int k = 0; k < blocks && at < 3000; k++) {
          at += random.nextInt(200);
          int len = 1 + random.nextInt(150);
          for (int i = 0; i < len; i++) {
            ids.add(at++);
          }
        }
      }
      case 4 -> {
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
          ids.add(1 + random.nextInt(65535));
        }
      }
      default -> {
        int start = 1 + random.nextInt(60000);
        int len = 1 + random.nextInt(5535);
        for (int i = 0; i < len; i += 1 + random.nextInt(3)) {
          ids.add(start + i);
        }
      }
    }
    return IdSet.copyOf(ids);
  }
}
