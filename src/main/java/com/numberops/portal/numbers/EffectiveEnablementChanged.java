package com.numberops.portal.numbers;

/**
 * A number's effective enablement (its admin override when set, else its own flag) may have
 * changed: published inside the transaction that changed it, so listeners (warmup eligibility)
 * follow in the same transaction.
 */
public record EffectiveEnablementChanged(long numberId, String by) {
}
