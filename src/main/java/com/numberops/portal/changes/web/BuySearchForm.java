package com.numberops.portal.changes.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * The search side of {@code /numbers/buy}, one GET form: where to look, the cart so far (the
 * numbers travel as {@code cart} values, so the page needs no session and a link can be shared),
 * and which button was pressed: search, check one number, add a result to the cart, remove one.
 */
record BuySearchForm(@Nullable Long account,
		@Pattern(regexp = "(LOCAL|MOBILE|TOLL_FREE)?", message = "{buy.type.invalid}") String type,
		@Pattern(regexp = "([A-Z]{2})?", message = "{buy.region.invalid}") String region,
		List<@Pattern(regexp = "SMS|VOICE", message = "{buy.capability.invalid}") String> capabilities,
		@Pattern(regexp = "\\+?[0-9]{0,15}", message = "{buy.pattern.invalid}") String pattern,
		@Pattern(regexp = "(STARTS|CONTAINS|ENDS)?", message = "{buy.match.invalid}") String match,
		@Pattern(regexp = "(\\+?[0-9]{6,15})?", message = "{buy.check.invalid}") String check,
		@Size(max = 20, message = "{buy.cart.too-long}") List<@Pattern(regexp = "\\+?[0-9]{6,15}", message = "{buy.check.invalid}") String> cart,
		@Nullable String add, @Nullable String remove, @Nullable String action) {

	BuySearchForm(@Nullable Long account, @Nullable String type, @Nullable String region,
			@Nullable List<String> capabilities, @Nullable String pattern, @Nullable String match,
			@Nullable String check, @Nullable List<String> cart, @Nullable String add, @Nullable String remove,
			@Nullable String action) {
		this.account = account;
		this.type = type == null || type.isBlank() ? "LOCAL" : type.strip();
		this.region = region == null || region.isBlank() ? "US" : region.strip();
		this.capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
		this.pattern = pattern == null ? "" : pattern.strip();
		this.match = match == null || match.isBlank() ? "STARTS" : match.strip();
		this.check = check == null ? "" : check.strip();
		this.cart = cart == null ? List.of() : List.copyOf(cart);
		this.add = add;
		this.remove = remove;
		this.action = action;
	}

	/** The cart after this request's add or remove, each number once, in the order added. */
	List<String> cartNow() {
		LinkedHashSet<String> numbers = new LinkedHashSet<>(cart);
		if (add != null && !add.isBlank()) {
			numbers.add(add.strip());
		}
		if (remove != null) {
			numbers.remove(remove.strip());
		}
		return new ArrayList<>(numbers);
	}

	boolean searching() {
		return "search".equals(action) || (add != null && !add.isBlank()) || (remove != null && !remove.isBlank());
	}

	boolean checking() {
		return "check".equals(action) && !check.isEmpty();
	}
}
