package com.numberops.portal.alerts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.alerts.AlertInputs;
import com.numberops.portal.alerts.ChannelKind;

/**
 * The "new channel" form: the bell, a webhook (URL, optional secret) or e-mail (addresses). Bound
 * as text; the rules are {@link AlertInputs}', which the service checks.
 */
record ChannelForm(@NotBlank(message = "{alerts.name.required}") @Size(max = 100, message = "{alerts.name.too-long}") String name,
		String kind, String target, String secret) {

	ChannelForm(@Nullable String name, @Nullable String kind, @Nullable String target, @Nullable String secret) {
		this.name = name == null ? "" : name.strip();
		this.kind = kind == null ? "" : kind.strip();
		this.target = target == null ? "" : target.strip();
		this.secret = secret == null ? "" : secret.strip();
	}

	static ChannelForm blank() {
		return new ChannelForm("", ChannelKind.PORTAL.name(), "", "");
	}

	AlertInputs.Channel input() {
		ChannelKind chosen;
		try {
			chosen = kind.isEmpty() ? null : ChannelKind.valueOf(kind);
		}
		catch (IllegalArgumentException unknown) {
			chosen = null;
		}
		return new AlertInputs.Channel(name, chosen, target.isEmpty() ? null : target, secret.isEmpty() ? null : secret);
	}
}
