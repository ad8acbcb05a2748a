package dev.warden.moderation.image;

/** The best {@code k} (score, segment, doc) triples seen, kept sorted, best first. */
final class TopHits {

  final double[] scores;
  final int[] leaves;
  final int[] docs;
  int size;

  TopHits(int k) {
    scores = new double[k];
    leaves = new int[k];
    docs = new int[k];
  }

  /** The score a new hit must beat to enter, or -infinity while there is room. */
  double floor() {
    return size < scores.length ? Double.NEGATIVE_INFINITY : scores[size - 1];
  }

  void offer(double score, int leaf, int doc) {
    if (score <= floor()) {
      return;
    }
    int i = Math.min(size, scores.length - 1);
    while (i > 0 && scores[i - 1] < score) {
      scores[i] = scores[i - 1];
      leaves[i] = leaves[i - 1];
      docs[i] = docs[i - 1];
      i--;
    }
    scores[i] = score;
    leaves[i] = leaf;
    docs[i] = doc;
    if (size < scores.length) {
      size++;
    }
  }
}
