package com.numberops.portal.changes.web;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * The rent side of {@code /numbers/buy}: the cart and what its numbers are bought for. Bean
 * Validation checks the shape; what the numbers can take, the team and the daily limit are the
 * service's rules ({@code RentRules}, {@code SpendLimit}). Without an account, the first that sells
 * numbers is meant (Sinch).
 */
record RentForm(@Nullable Long account,
		@NotEmpty(message = "{buy.cart.empty}") @Size(max = 20, message = "{buy.cart.too-long}")
		List<@Pattern(regexp = "\\+?[0-9]{6,15}", message = "{buy.check.invalid}") String> cart,
		@Size(max = 100, message = "{form.too-long}") @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{buy.id.invalid}") String servicePlanId,
		@Size(max = 100, message = "{form.too-long}") @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{buy.id.invalid}") String campaignId,
		@Size(max = 100, message = "{form.too-long}") @Pattern(regexp = "[A-Za-z0-9_.-]*", message = "{buy.id.invalid}") String voiceAppId,
		@Nullable Long teamId, @Size(max = 200, message = "{form.too-long}") String name) {

	RentForm(@Nullable Long account, @Nullable List<String> cart, @Nullable String servicePlanId,
			@Nullable String campaignId, @Nullable String voiceAppId, @Nullable Long teamId, @Nullable String name) {
		this.account = account;
		this.cart = cart == null ? List.of() : List.copyOf(cart);
		this.servicePlanId = servicePlanId == null ? "" : servicePlanId.strip();
		this.campaignId = campaignId == null ? "" : campaignId.strip();
		this.voiceAppId = voiceAppId == null ? "" : voiceAppId.strip();
		this.teamId = teamId;
		this.name = name == null ? "" : name.strip();
	}

	static RentForm blank(@Nullable Long account, List<String> cart) {
		return new RentForm(account, cart, null, null, null, null, null);
	}
}
