package com.numberops.portal.alerts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

import com.numberops.portal.alerts.AlertInputs;
import com.numberops.portal.alerts.ChannelKind;

/** The "new channel" form: the bell, a webhook (URL, optional secret) or e-mail (addresses). */
record ChannelForm(@NotBlank(message = "{alerts.name.required}") @Size(max = 100, message = "{alerts.name.too-long}") String name,
		@NotNull(message = "{alerts.channel.kind.required}") @Nullable ChannelKind kind, @Nullable String target,
		@Nullable String secret) {

	ChannelForm {
		name = name == null ? "" : name.strip();
		target = target == null || target.isBlank() ? null : target.strip();
		secret = secret == null || secret.isBlank() ? null : secret.strip();
	}

	static ChannelForm blank() {
		return new ChannelForm("", ChannelKind.PORTAL, "", "");
	}

	AlertInputs.Channel input() {
		return new AlertInputs.Channel(name, kind, target, secret);
	}
}
