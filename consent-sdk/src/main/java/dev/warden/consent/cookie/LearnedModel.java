package dev.warden.consent.cookie;

/** The kind of OpenNLP model the classifier trains as its fallback for names no catalog knows. */
public enum LearnedModel {
  /** Maximum entropy (multinomial logistic regression) trained with L-BFGS and L2 regularisation. */
  MAXENT,
  /** Naive Bayes. */
  NAIVE_BAYES,
  /** No learned fallback: cookies no catalog knows are {@link CookieLabel#UNKNOWN}. */
  NONE
}
