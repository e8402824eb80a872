package com.numberops.portal.users;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sign-in with a username and password, answered so that it never tells whether the username
 * exists (OWASP: the same response for both):
 * <ul>
 * <li>the lock is looked up by the typed name before anything else, and a wrong password counts
 * against it, for real and made-up names alike ({@link LoginAttemptService});</li>
 * <li>an unknown name costs a password check too (Spring Security's dummy check), so the time of
 * the answer matches a wrong password's;</li>
 * <li>"disabled" is said only to whoever gave the right password: to anyone else a disabled
 * account is a wrong password like any other.</li>
 * </ul>
 */
final class ThrottledAuthentication implements AuthenticationProvider {

	private final DaoAuthenticationProvider passwords;

	private final LoginAttemptService attempts;

	ThrottledAuthentication(UserDetailsService users, PasswordEncoder encoder, LoginAttemptService attempts) {
		this.passwords = new DaoAuthenticationProvider(users);
		this.passwords.setPasswordEncoder(encoder);
		this.passwords.setPreAuthenticationChecks(user -> {
			// the lock was checked already; the account's state only after its password
		});
		this.passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		this.attempts = attempts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		if (attempts.isLocked(username)) {
			throw new LockedException("Too many failed sign-ins for this username");
		}
		try {
			return passwords.authenticate(authentication);
		}
		catch (BadCredentialsException wrong) {
			if (attempts.recordFailure(username)) {
				throw new LockedException("Too many failed sign-ins for this username", wrong);
			}
			throw wrong;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
