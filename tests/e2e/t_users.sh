# t_users.sh - accounts through the real engage binary: add with a password
# from standard input, a file or generated; refusals that name what was
# wrong (a bad role lists the roles); list shows no hash or secret; the
# sign-in rules (lockout) through `user check`; reset, role, disable; an API
# token shown once and stored only as a hash.
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

db="--database $T/u.db"
pw="correct horse battery staple"

out=$(printf '%s\n' "$pw" | "$ENGAGE" user add alice $db --role officer --force glanmor \
  --neighbourhoods GM01,GM02 --name "Alice Jones" 2>&1); rc=$?
expect_rc "an officer is added with a password on standard input" 0
expect_out "the role is said" "user alice added (officer)"

out=$(printf '%s\n' "$pw" | "$ENGAGE" user add bob $db --role chief --force glanmor 2>&1); rc=$?
expect_rc "a bad role is refused" 1
expect_out "with the list of roles" 'role: "chief" is not one of resident, volunteer, officer, sergeant, analyst, partner, administrator'

out=$(printf 'short\n' | "$ENGAGE" user add bob $db --role officer --force glanmor 2>&1); rc=$?
expect_rc "a short password is refused" 1
expect_out "saying the rule" "use at least 12"

out=$(printf 'bobbobbobbobbob\n' | "$ENGAGE" user add bobbobbobbobbob $db --role resident 2>&1); rc=$?
expect_rc "the username as password is refused" 1
expect_out "saying why" "must not be the username"

out=$(printf '%s\n' "$pw" | "$ENGAGE" user add carys $db --role partner --force glanmor 2>&1); rc=$?
expect_rc "a partner without an organisation is refused" 1
expect_out "naming the option" "partner-org"

printf '%s\n' "$pw" > "$T/pwfile"
run_engage user add carys $db --role partner --force glanmor --partner-org "Porthmawr Council" \
  --password-file "$T/pwfile"
expect_rc "a partner is added with --password-file" 0

run_engage user add dafydd $db --role administrator --generate-password
expect_rc "an administrator is added with a generated password" 0
gen=$(printf '%s' "$out" | sed -n 's/^password: //p')
[ ${#gen} -ge 20 ] && ok "the generated password is printed once (${#gen} characters)" || not_ok "a generated password is printed" "$out"

out=$(printf '%s\n' "$gen" | "$ENGAGE" user check dafydd $db 2>&1); rc=$?
expect_rc "the generated password signs in" 0

run_engage user add eve $db --role officer --force glanmor < /dev/null
expect_rc "no password at all is a usage error" 2

out=$(printf '%s\n' "$pw" | "$ENGAGE" user add alice $db --role officer --force glanmor 2>&1); rc=$?
expect_rc "a taken username is refused" 1
expect_out "saying so" "already taken"

run_engage user token alice $db --label "nightly export"
expect_rc "an API token is made" 0
token=$(printf '%s' "$out" | grep -o 'eng_[A-Za-z0-9_-]*')
[ ${#token} -eq 47 ] && ok "the token is printed once" || not_ok "the token is printed" "$out"

run_engage user list $db
expect_rc "user list runs" 0
expect_out "it shows the officer's scope" "GM01,GM02"
expect_out "and the partner's organisation" "Porthmawr Council"
if printf '%s' "$out" | grep -qE 'argon2|\$v=19|eng_'; then not_ok "user list prints no hash or token" "$out"
else ok "user list prints no hash or token"; fi
if grep -qaF "$token" "$T/u.db" "$T/u.db-wal" 2>/dev/null; then not_ok "the database does not hold the token"
else ok "the database does not hold the token"; fi
if grep -qaF "$pw" "$T/u.db" "$T/u.db-wal" 2>/dev/null; then not_ok "the database does not hold the password"
else ok "the database does not hold the password"; fi

for i in 1 2 3 4 5; do
  printf 'not the password\n' | "$ENGAGE" user check alice $db > /dev/null 2>&1
done
out=$(printf '%s\n' "$pw" | "$ENGAGE" user check alice $db 2>&1); rc=$?
expect_rc "five wrong passwords lock the account" 1
expect_out "for 15 minutes" "locked for 15 more minutes"
out=$(printf '%s\n' "$pw" | "$ENGAGE" user check nobody $db 2>&1); rc=$?
expect_out "an unknown user gets the wrong-password answer" "wrong username or password"
run_engage user list $db
expect_out "list shows the lock" "locked"

out=$(printf 'a whole new passphrase\n' | "$ENGAGE" user reset alice $db 2>&1); rc=$?
expect_rc "reset sets a new password" 0
out=$(printf 'a whole new passphrase\n' | "$ENGAGE" user check alice $db 2>&1); rc=$?
expect_rc "and clears the lockout" 0

run_engage user role alice $db --role sergeant
expect_rc "the role changes" 0
run_engage user role alice $db --role boss
expect_rc "to a bad role is refused" 1
expect_out "listing the roles" "is not one of resident"
run_engage user role nobody $db --role sergeant
expect_rc "an unknown user is refused" 1
expect_out "naming the user" 'user "nobody": no such user'

run_engage user disable alice $db
expect_rc "a user is disabled" 0
out=$(printf 'a whole new passphrase\n' | "$ENGAGE" user check alice $db 2>&1); rc=$?
expect_rc "a disabled user cannot sign in" 1
expect_out "and is told" "disabled"

run_engage user frobnicate alice $db
expect_rc "an unknown subcommand is a usage error" 2

finish
