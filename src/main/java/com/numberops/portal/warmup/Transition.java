package com.numberops.portal.warmup;

/**
 * What a state machine answers for a (state, action) pair: the state it moves to, or why the
 * action is not possible in that state, in words shown to people as they are.
 */
public sealed interface Transition<S> permits Transition.Moved, Transition.Illegal {

	static <S> Transition<S> to(S state) {
		return new Moved<>(state);
	}

	static <S> Transition<S> illegal(String reason) {
		return new Illegal<>(reason);
	}

	default boolean legal() {
		return this instanceof Moved;
	}

	/** The action is allowed: the warmup is in {@code state} afterwards (possibly the same one). */
	record Moved<S>(S state) implements Transition<S> {
	}

	/** The action is refused; nothing changes. */
	record Illegal<S>(String reason) implements Transition<S> {
	}
}
