package com.numberops.portal.system;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout needs on every page: the current path and the menu for the signed-in user. */
@ControllerAdvice
class LayoutModel {

	private final Navigation navigation;

	LayoutModel(Navigation navigation) {
		this.navigation = navigation;
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	@ModelAttribute("navigation")
	List<Navigation.Link> navigation(HttpServletRequest request, @Nullable Authentication authentication) {
		return navigation.linksFor(authentication, currentPath(request));
	}
}
