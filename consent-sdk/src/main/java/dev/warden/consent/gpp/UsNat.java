package dev.warden.consent.gpp;

import dev.warden.consent.tcf.internal.BitException;
import dev.warden.consent.tcf.internal.BitReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * GPP section 7, the MSPA US National privacy section ({@code usnat}), versions 1 and 2, with its
 * optional GPC sub-section. Each field is the two-bit value of the specification: for notices
 * 0 not applicable, 1 yes, 2 no; for opt-outs 0 not applicable, 1 opted out, 2 did not opt out;
 * for consents 0 not applicable, 1 no consent, 2 consent.
 *
 * @param version 1 (12 sensitive data categories, 2 child consents) or 2 (16 and 3)
 * @param sharingNotice notice of sharing
 * @param saleOptOutNotice notice of the right to opt out of sale
 * @param sharingOptOutNotice notice of the right to opt out of sharing
 * @param targetedAdvertisingOptOutNotice notice of the right to opt out of targeted advertising
 * @param sensitiveDataProcessingOptOutNotice notice of the right to opt out of sensitive data processing
 * @param sensitiveDataLimitUseNotice notice of the right to limit use of sensitive data
 * @param saleOptOut opted out of sale
 * @param sharingOptOut opted out of sharing
 * @param targetedAdvertisingOptOut opted out of targeted advertising
 * @param sensitiveDataProcessing consent per sensitive data category
 * @param knownChildSensitiveDataConsents consent per age band of known children
 * @param personalDataConsents consent to otherwise limited secondary use
 * @param mspaCoveredTransaction 1 the transaction is an MSPA covered transaction, 2 it is not
 * @param mspaOptOutOptionMode MSPA opt-out option mode
 * @param mspaServiceProviderMode MSPA service provider mode
 * @param gpc the Global Privacy Control signal, when the GPC sub-section is present
 */
public record UsNat(int version, int sharingNotice, int saleOptOutNotice, int sharingOptOutNotice,
    int targetedAdvertisingOptOutNotice, int sensitiveDataProcessingOptOutNotice, int sensitiveDataLimitUseNotice,
    int saleOptOut, int sharingOptOut, int targetedAdvertisingOptOut, List<Integer> sensitiveDataProcessing,
    List<Integer> knownChildSensitiveDataConsents, int personalDataConsents, int mspaCoveredTransaction,
    int mspaOptOutOptionMode, int mspaServiceProviderMode, Optional<Boolean> gpc) {

  /** Opted out, in the opt-out fields. */
  public static final int OPTED_OUT = 1;

  public UsNat {
    sensitiveDataProcessing = List.copyOf(sensitiveDataProcessing);
    knownChildSensitiveDataConsents = List.copyOf(knownChildSensitiveDataConsents);
    Objects.requireNonNull(gpc, "gpc");
  }

  /** Whether the user opted out of the sale of personal data. */
  public boolean saleOptedOut() {
    return saleOptOut == OPTED_OUT;
  }

  /** Whether the user opted out of targeted advertising. */
  public boolean targetedAdvertisingOptedOut() {
    return targetedAdvertisingOptOut == OPTED_OUT;
  }

  /** Whether the GPC sub-section is present and set. */
  public boolean gpcSignalled() {
    return gpc.orElse(false);
  }

  /**
   * Decodes a {@code usnat} section: the core segment and optional dot-separated sub-sections.
   *
   * @throws GppException with section id 7 and the bit offset at fault
   */
  public static UsNat decode(String section) {
    int dot = section.indexOf('.');
    BitReader r = GppString.reader(section, 0, dot < 0 ? section.length() : dot, GppString.USNAT);
    try {
      int version = r.readInt(6, "Version");
      int sensitive;
      int child;
      if (version == 1) {
        sensitive = 12;
        child = 2;
      } else if (version == 2) {
        sensitive = 16;
        child = 3;
      } else {
        throw new GppException(GppException.Problem.UNSUPPORTED_VERSION, GppString.USNAT, 0,
            "usnat version " + version + " is not supported (1 or 2)");
      }
      int[] f = new int[9];
      String[] names = {"SharingNotice", "SaleOptOutNotice", "SharingOptOutNotice", "TargetedAdvertisingOptOutNotice",
          "SensitiveDataProcessingOptOutNotice", "SensitiveDataLimitUseNotice", "SaleOptOut", "SharingOptOut",
          "TargetedAdvertisingOptOut"};
      for (int i = 0; i < f.length; i++) {
        f[i] = r.readInt(2, names[i]);
      }
      Integer[] sd = new Integer[sensitive];
      for (int i = 0; i < sensitive; i++) {
        sd[i] = r.readInt(2, "SensitiveDataProcessing");
      }
      Integer[] kc = new Integer[child];
      for (int i = 0; i < child; i++) {
        kc[i] = r.readInt(2, "KnownChildSensitiveDataConsents");
      }
      int personal = r.readInt(2, "PersonalDataConsents");
      int covered = r.readInt(2, "MspaCoveredTransaction");
      int optOutMode = r.readInt(2, "MspaOptOutOptionMode");
      int providerMode = r.readInt(2, "MspaServiceProviderMode");
      Optional<Boolean> gpc = Optional.empty();
      while (dot >= 0) {
        int start = dot + 1;
        dot = section.indexOf('.', start);
        BitReader sub = GppString.reader(section, start, dot < 0 ? section.length() : dot, GppString.USNAT);
        if (sub.readInt(2, "SubsectionType") == 1 && gpc.isEmpty()) {
          gpc = Optional.of(sub.readBit("Gpc"));
        }
      }
      return new UsNat(version, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], List.of(sd), List.of(kc),
          personal, covered, optOutMode, providerMode, gpc);
    } catch (BitException e) {
      throw new GppException(GppException.Problem.TRUNCATED, GppString.USNAT, e.bitOffset(),
          "section 7 (usnat): truncated: " + e.getMessage());
    }
  }
}
