package com.numberops.portal.support;

import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.numberops.portal.users.PortalPrincipal;

/**
 * A person signed in on the test's thread, as the service layer sees a request of theirs
 * ({@code @PreAuthorize} reads the thread's security context). Tests clear it afterwards.
 */
public final class SignedIn {

	private SignedIn() {
	}

	/** Signs the person in on this thread and answers them. */
	public static PortalPrincipal as(UserDetailsService users, String username) {
		PortalPrincipal person = (PortalPrincipal) users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
		return person;
	}

	/** Runs the call signed in as this person, then puts back whoever was signed in before. */
	public static <T> T during(PortalPrincipal person, Supplier<T> call) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return call.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}
}
