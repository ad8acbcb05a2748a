package dev.warden.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.warden.policy.decision.Action;
import dev.warden.policy.decision.Category;
import dev.warden.policy.decision.CategoryScore;
import dev.warden.policy.decision.Decision;
import dev.warden.policy.decision.EvidenceSpan;
import dev.warden.policy.decision.Finding;
import dev.warden.policy.decision.Reason;
import dev.warden.policy.decision.Severity;
import dev.warden.policy.decision.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Policy#decide} applies content rules, thresholds and zero tolerance. */
class DecisionTest {

  private final Policy policy = Policy.defaultPolicy();

  private static Finding rule(Category c, Severity s, int start, int end) {
    return Finding.of(c, s, 1.0, new Reason.Rule("test." + c.id(), "test rule"), new EvidenceSpan(start, end));
  }

  @Test
  void noFindingsIsAnAllowStampedWithThePolicy() {
    Decision d = policy.decide(List.of());
    assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(d.policy().toString()).isEqualTo("warden-default@2025-11-05");
    assertThat(d).isEqualTo(Decision.allow(policy.ref()));
  }

  @Test
  void theStrictestCategoryDecidesAndCategoriesAreListedStrictestFirst() {
    Decision d = policy.decide(List.of(
        rule(Category.PROFANITY, Severity.LOW, 0, 4),
        rule(Category.SEXUAL, Severity.LOW, 5, 9),
        rule(Category.SEXUAL, Severity.HIGH, 10, 14)));
    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.reportRequired()).isFalse();
    assertThat(d.categories()).extracting(CategoryScore::category, CategoryScore::severity, CategoryScore::action)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Category.SEXUAL, Severity.HIGH, Action.BLOCK),
            org.assertj.core.groups.Tuple.tuple(Category.PROFANITY, Severity.LOW, Action.ALLOW));
    assertThat(d.findings()).hasSize(3);
  }

  @Test
  void zeroToleranceCategoryBlocksAndRequiresAReport() {
    Decision d = policy.decide(List.of(rule(Category.SEXUAL_MINORS, Severity.LOW, 0, 3)));
    assertThat(d.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(d.reportRequired()).isTrue();
  }

  @Test
  void scoredFindingsBelowTheCategoryThresholdDoNotCount() {
    Finding weak = Finding.of(Category.HATE, Severity.HIGH, 0.49, new Reason.Model("head.hate", 0.49, 0.5));
    Finding strong = Finding.of(Category.HATE, Severity.HIGH, 0.5, new Reason.Model("head.hate", 0.5, 0.5));
    assertThat(policy.decide(List.of(weak)).verdict()).isEqualTo(Verdict.ALLOW);
    assertThat(policy.decide(List.of(weak)).findings()).containsExactly(weak);
    assertThat(policy.decide(List.of(strong)).verdict()).isEqualTo(Verdict.BLOCK);
  }

  @Test
  void subCategoryWithoutItsOwnRuleFallsBackToItsParentThenToReview() {
    assertThat(policy.actionFor(Category.of("hate/symbols"), Severity.HIGH)).isEqualTo(Action.BLOCK);
    assertThat(policy.actionFor(Category.of("spam"), Severity.HIGH)).isEqualTo(Policy.UNLISTED_CATEGORY_ACTION);
  }

  @Test
  void inconsistentDecisionsCannotBeConstructed() {
    CategoryScore block = new CategoryScore(Category.SEXUAL, Severity.HIGH, 1.0, Action.BLOCK);
    assertThatThrownBy(() -> new Decision(Verdict.ALLOW, false, List.of(block), List.of(), policy.ref()))
        .hasMessageContaining("disagrees with the category actions");
  }

  @Test
  void valuesRejectImpossibleInput() {
    assertThatThrownBy(() -> new EvidenceSpan(5, 4)).hasMessage("evidence span needs 0 <= start <= end, got [5, 4)");
    assertThatThrownBy(() -> Finding.of(Category.HATE, Severity.LOW, 1.7, new Reason.Rule("r", "d")))
        .hasMessage("score must be in [0,1], got 1.7");
    assertThatThrownBy(() -> Finding.of(Category.HATE, Severity.LOW, Double.NaN, new Reason.Rule("r", "d")))
        .hasMessage("score must be in [0,1], got NaN");
    assertThat(new EvidenceSpan(2, 5).textIn("a cat sat")).isEqualTo("cat");
    assertThatThrownBy(() -> new EvidenceSpan(2, 50).textIn("short")).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void verdictsAndActionsOrderByStrictness() {
    assertThat(Verdict.ALLOW.max(Verdict.FLAG)).isEqualTo(Verdict.FLAG);
    assertThat(Verdict.BLOCK.max(Verdict.FLAG)).isEqualTo(Verdict.BLOCK);
    assertThat(Action.BLOCK.max(Action.BLOCK_AND_REPORT)).isEqualTo(Action.BLOCK_AND_REPORT);
    assertThat(Action.BLOCK_AND_REPORT.verdict()).isEqualTo(Verdict.BLOCK);
    assertThat(Category.SEXUAL_MINORS.parent()).isEqualTo(Category.SEXUAL);
  }
}
