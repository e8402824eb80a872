package com.numberops.portal.warmup;

import java.util.Locale;

/** Which warmup: SMS or calls. */
public enum Channel {

	SMS("SMS warmup"), CALL("Call warmup");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** As in addresses: {@code sms}, {@code call}. */
	public String path() {
		return name().toLowerCase(Locale.ROOT);
	}
}
