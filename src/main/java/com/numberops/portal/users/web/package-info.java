@NullMarked
package com.numberops.portal.users.web;

import org.jspecify.annotations.NullMarked;
