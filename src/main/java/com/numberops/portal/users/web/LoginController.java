package com.numberops.portal.users.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.numberops.portal.users.LoginError;
import com.numberops.portal.users.UsersProperties;

@Controller
class LoginController {

	private final UsersProperties properties;

	LoginController(UsersProperties properties) {
		this.properties = properties;
	}

	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String error, @RequestParam(required = false) @Nullable String logout,
			@Nullable Authentication authentication, Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		if (error != null) {
			LoginError reason = LoginError.fromCode(error).orElse(LoginError.BAD_CREDENTIALS);
			model.addAttribute("loginError", reason.message(properties));
			model.addAttribute("loginErrorCode", reason.code());
		}
		model.addAttribute("loggedOut", logout != null);
		return "users/login";
	}
}
