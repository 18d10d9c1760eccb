/** Accounts: registration (user, channel and chat room, all or nothing), password policy and Argon2id hashing, log in and out, login rate limiting. */
@NullMarked
package dev.streamcat.app.account;

import org.jspecify.annotations.NullMarked;
