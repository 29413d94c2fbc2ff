package dev.rapport.core.internal.security;

import dev.rapport.api.Page;
import dev.rapport.api.PageRequest;
import dev.rapport.api.error.ConflictException;
import dev.rapport.api.error.FieldError;
import dev.rapport.api.error.NotFoundException;
import dev.rapport.api.error.ValidationException;
import dev.rapport.api.security.Actor;
import dev.rapport.api.security.NewUser;
import dev.rapport.api.security.Permission;
import dev.rapport.api.security.Role;
import dev.rapport.api.security.RoleDefinition;
import dev.rapport.api.spi.storage.Transaction;
import dev.rapport.api.security.Tier;
import dev.rapport.api.security.User;
import dev.rapport.api.security.UserId;
import dev.rapport.api.spi.storage.Credentials;
import dev.rapport.api.security.UserUpdate;
import dev.rapport.api.security.Users;
import dev.rapport.core.internal.FieldChecks;
import dev.rapport.core.internal.IdGenerator;
import dev.rapport.core.internal.Transactions;
import dev.rapport.core.internal.audit.ChangeSet;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Users: creation by admins, lookup, and the first admin of an empty installation. */
public final class UserService implements Users {
    static final Pattern EMPLOYEE_ID = Pattern.compile("[A-Za-z0-9._-]{2,64}");
    static final String EMPLOYEE_ID_RULE = "must be 2 to 64 letters, digits, dots, dashes or underscores";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final int MIN_PASSWORD = 8;

    private final Transactions transactions;
    private final Clock clock;
    private final IdGenerator ids;
    private final PasswordHasher passwords;
    private final SessionCache recent;

    public UserService(Transactions transactions, Clock clock, IdGenerator ids, PasswordHasher passwords) {
        this(transactions, clock, ids, passwords, new SessionCache());
    }

    /**
     * The same, forgetting a user's sessions in {@code recent} (the {@link AuthenticationService}'s) whenever it
     * changes the user, so that this node sees the change at once.
     */
    public UserService(Transactions transactions, Clock clock, IdGenerator ids, PasswordHasher passwords,
                       SessionCache recent) {
        this.recent = recent;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.passwords = passwords;
    }

    @Override
    public User create(Actor actor, NewUser request) {
        actor.require(Permission.USER_ADMIN);
        var checks = FieldChecks.create();
        String employeeId = checks.text("employeeId", request.employeeId(), 64, true);
        if (employeeId != null && !EMPLOYEE_ID.matcher(employeeId).matches()) {
            checks.add("employeeId", EMPLOYEE_ID_RULE);
        }
        String name = checks.text("name", request.name(), 200, true);
        checks.require("departmentId", request.departmentId());
        if (request.roles().isEmpty()) {
            checks.add("roles", "needs at least one role (GET /api/v1/roles lists them)");
        }
        if (request.password() == null || request.password().length() < MIN_PASSWORD
                || request.password().length() > PasswordRules.MAX) {
            checks.add("password", "must be " + MIN_PASSWORD + " to " + PasswordRules.MAX + " characters");
        }
        var email = Optional.ofNullable(checks.text("email", request.email(), 254, false));
        if (email.isPresent() && !checks.has("email") && !EMAIL.matcher(email.get()).matches()) {
            checks.add("email", "must be an e-mail address such as name@example.com");
        }
        Locale locale = request.locale() == null ? User.DEFAULT_LOCALE : request.locale();
        if (!User.LOCALES.contains(locale)) {
            checks.add("locale", "must be one of " + User.LOCALES.stream().map(Locale::toLanguageTag).toList());
        }
        String hash = checks.errors().isEmpty() ? passwords.hash(request.password()) : null;
        return transactions.write(tx -> {
            if (request.departmentId() != null && tx.departments().find(request.departmentId()).isEmpty()) {
                checks.add("departmentId", "is not a known department");
            }
            checkRolesExist(tx, checks, request.roles());
            checks.throwIfAny();
            if (tx.users().credentials(employeeId).isPresent()) {
                throw ConflictException.duplicate("user", "employee id " + employeeId);
            }
            var user = new User(UserId.of(ids.next()), employeeId, name, Optional.of(request.departmentId()),
                    request.roles(), request.tier() == null ? Tier.FRONT_LINE : request.tier(), true,
                    clock.instant(), 1, email, locale);
            tx.users().insert(user, hash);
            tx.audit().append(ChangeSet.create()
                    .added("employeeId", employeeId).added("name", name)
                    .added("departmentId", request.departmentId()).added("roles", user.roles())
                    .added("tier", user.tier())
                    .added("email", user.email()).added("locale", user.locale().toLanguageTag())
                    .entry("user", user.id().value(), user.createdAt(), actor, "user.created"));
            return granted(tx, user);
        });
    }

    @Override
    public User get(Actor actor, UserId id) {
        actor.require(Permission.USER_READ);
        return transactions.read(tx -> tx.users().find(id)).orElseThrow(() -> NotFoundException.of("user", id.value()));
    }

    @Override
    public Optional<User> byEmployeeId(Actor actor, String employeeId) {
        actor.require(Permission.USER_READ);
        Objects.requireNonNull(employeeId, "employeeId");
        return transactions.read(tx -> tx.users().credentials(employeeId)).map(Credentials::user);
    }

    @Override
    public User me(Actor actor) {
        return transactions.read(tx -> tx.users().find(actor.userId()))
                .orElseThrow(() -> NotFoundException.of("user", actor.userId().value()));
    }

    @Override
    public User changeLocale(Actor actor, Locale locale) {
        if (locale == null || !User.LOCALES.contains(locale)) {
            throw new ValidationException(FieldError.of("locale",
                    "must be one of " + User.LOCALES.stream().map(Locale::toLanguageTag).toList()));
        }
        var result = transactions.write(tx -> {
            var user = tx.users().find(actor.userId())
                    .orElseThrow(() -> NotFoundException.of("user", actor.userId().value()));
            if (user.locale().equals(locale)) {
                return user;
            }
            var changed = new User(user.id(), user.employeeId(), user.name(), user.departmentId(), user.roles(),
                    user.tier(), user.active(), user.createdAt(), user.version() + 1, user.email(), locale,
                    user.permissions());
            if (!tx.users().update(changed, user.version())) {
                throw ConflictException.staleVersion("user", user.id().value(), user.version(), user.version() + 1);
            }
            tx.audit().append(ChangeSet.create().field("locale", user.locale().toLanguageTag(), locale.toLanguageTag())
                    .entry("user", user.id().value(), clock.instant(), actor, "user.locale-changed"));
            return changed;
        });
        recent.forgetUser(result.id());
        return result;
    }

    @Override
    public User update(Actor actor, UserId id, UserUpdate update) {
        actor.require(Permission.USER_ADMIN);
        var checks = FieldChecks.create();
        var name = update.name().map(n -> checks.text("name", n, 200, true));
        if (update.roles().isPresent() && update.roles().get().isEmpty()) {
            checks.add("roles", "needs at least one role (GET /api/v1/roles lists them)");
        }
        var email = update.email().map(e -> Optional.ofNullable(checks.text("email", e, 254, false)));
        email.flatMap(e -> e).filter(e -> !checks.has("email") && !EMAIL.matcher(e).matches()).ifPresent(e ->
                checks.add("email", "must be an e-mail address such as name@example.com"));
        boolean self = actor.userId().equals(id);
        if (self && update.active().filter(active -> !active).isPresent()) {
            checks.add("active", "cannot be switched off for yourself: another admin must deactivate you");
        }
        var updated = transactions.write(tx -> {
            var user = tx.users().find(id).orElseThrow(() -> NotFoundException.of("user", id.value()));
            update.departmentId().filter(d -> tx.departments().find(d).isEmpty())
                    .ifPresent(d -> checks.add("departmentId", "is not a known department"));
            update.roles().ifPresent(roles -> checkRolesExist(tx, checks, roles));
            if (self && !checks.has("roles") && user.permissions().contains(Permission.USER_ADMIN)
                    && update.roles().filter(roles -> !grants(tx, roles).contains(Permission.USER_ADMIN)).isPresent()) {
                checks.add("roles", "must keep a role granting " + Permission.USER_ADMIN.key()
                        + " for yourself: another admin must take it from you");
            }
            checks.throwIfAny();
            if (update.version() != user.version()) {
                throw ConflictException.staleVersion("user", id.value(), update.version(), user.version());
            }
            var changed = granted(tx, new User(user.id(), user.employeeId(), name.orElse(user.name()),
                    update.departmentId().or(user::departmentId), update.roles().orElse(user.roles()),
                    update.tier().orElse(user.tier()), update.active().orElse(user.active()), user.createdAt(),
                    user.version() + 1, email.orElse(user.email()), user.locale()));
            var changes = ChangeSet.create().field("name", user.name(), changed.name())
                    .field("departmentId", user.departmentId(), changed.departmentId())
                    .field("roles", new TreeSet<>(user.roles()), new TreeSet<>(changed.roles()))
                    .field("tier", user.tier(), changed.tier()).field("active", user.active(), changed.active())
                    .field("email", user.email(), changed.email());
            if (changes.isEmpty()) {
                return user;
            }
            if (!tx.users().update(changed, user.version())) {
                throw ConflictException.staleVersion("user", id.value(), update.version(), user.version() + 1);
            }
            if (user.permissions().contains(Permission.USER_ADMIN)
                    && !(changed.active() && changed.permissions().contains(Permission.USER_ADMIN))) {
                RoleService.requireAnAdministrator(tx);
            }
            Instant now = clock.instant();
            // Tokens issued before a deactivation or a loss of rights must not come back with a reactivation.
            if ((user.active() && !changed.active()) || !changed.roles().containsAll(user.roles())) {
                tx.sessions().revokeAllOf(id, now, null);
            }
            tx.audit().append(changes.entry("user", id.value(), now, actor, "user.updated"));
            return changed;
        });
        recent.forgetUser(id);
        return updated;
    }

    @Override
    public void setTemporaryPassword(Actor actor, UserId id, String temporaryPassword) {
        actor.require(Permission.USER_ADMIN);
        var user = transactions.read(tx -> tx.users().find(id))
                .orElseThrow(() -> NotFoundException.of("user", id.value()));
        PasswordRules.check("temporaryPassword", temporaryPassword, user);
        String hash = passwords.hash(temporaryPassword);
        transactions.write(tx -> {
            if (!tx.users().changePassword(id, hash, true)) {
                throw NotFoundException.of("user", id.value());
            }
            Instant now = clock.instant();
            tx.sessions().revokeAllOf(id, now, null);
            tx.audit().append(ChangeSet.create()
                    .changed("password", false, "****", "****")
                    .field("passwordChangeRequired", null, true)
                    .entry("user", id.value(), now, actor, "user.password-reset"));
            return null;
        });
        recent.forgetUser(id);
    }

    /** Adds an error naming {@code roles} for each role that does not exist. */
    private static void checkRolesExist(Transaction tx, FieldChecks checks, Set<Role> roles) {
        var known = tx.roles().list().stream().map(RoleDefinition::role).collect(Collectors.toSet());
        var unknown = roles.stream().filter(r -> !known.contains(r)).sorted().map(Role::name).toList();
        if (!unknown.isEmpty()) {
            checks.add("roles", "names unknown roles " + unknown + " (GET /api/v1/roles lists them)");
        }
    }

    /** The union of the permissions {@code roles} grant as they are defined now. */
    private static Set<Permission> grants(Transaction tx, Set<Role> roles) {
        var union = EnumSet.noneOf(Permission.class);
        tx.roles().list().stream().filter(r -> roles.contains(r.role()))
                .forEach(r -> union.addAll(r.permissions()));
        return union;
    }

    /** {@code user} with the permissions its roles grant as they are defined now. */
    static User granted(Transaction tx, User user) {
        return user.withPermissions(grants(tx, user.roles()));
    }

    @Override
    public Page<User> list(Actor actor, PageRequest page) {
        actor.require(Permission.USER_READ);
        var users = transactions.read(tx -> tx.users().list(page.cursor(), page.limit() + 1));
        if (users.size() <= page.limit()) {
            return Page.last(users);
        }
        var items = users.subList(0, page.limit());
        return new Page<>(items, Optional.of(items.getLast().employeeId()));
    }

    @Override
    public Optional<String> createInitialAdmin() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = passwords.hash(password);
        return transactions.write(tx -> {
            if (tx.users().any()) {
                return Optional.empty();
            }
            var admin = new User(UserId.of(ids.next()), "admin", "Administrator", Optional.empty(),
                    Set.of(Role.ADMIN), Tier.FRONT_LINE, true, clock.instant(), 1);
            // A storage whose ADMIN role an admin emptied may hold users, but then this is not reached.
            tx.users().insert(admin, hash);
            tx.audit().append(ChangeSet.create().added("employeeId", "admin").added("roles", admin.roles())
                    .entry("user", admin.id().value(), admin.createdAt(), Actor.system(), "user.created"));
            return Optional.of(password);
        });
    }
}
