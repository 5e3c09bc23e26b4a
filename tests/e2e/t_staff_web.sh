# t_staff_web.sh - staff signing in on the web pages with a real server:
# the session cookie's attributes, a new session at every sign-in, wrong
# passwords and the lockout, the authenticator code, cross-site posts,
# sign-out that needs the CSRF token, and who reaches "My neighbourhoods".
cd "$(dirname "$0")/../.." && . tests/e2e/lib.sh

"$ENGAGE" demo generate --seed 1 --months 2 --out "$T/town" > /dev/null
db="--database $T/e.db"
"$ENGAGE" import town "$T/town" $db --quiet > /dev/null
pw="correct horse battery staple"
printf '%s\n' "$pw" > "$T/pw"
"$ENGAGE" user add alice $db --role officer --force glanmor --neighbourhoods GM01 \
  --name "Alice Jones" --password-file "$T/pw" > /dev/null
"$ENGAGE" user add rhys $db --role resident --password-file "$T/pw" > /dev/null
"$ENGAGE" user add tom $db --role officer --force glanmor --neighbourhoods GM02 \
  --password-file "$T/pw" > /dev/null
# many sign-ins below come from one address: the per-client limit is tried last
start_server $db --web.signin_limit 1000 || not_ok "server starts" "$(cat "$T/server.log")"

# sign_in USER PASSWORD [CODE] [curl args...]: sets $status, $hdrs, $cookie
sign_in() {
  local user=$1 pass=$2 code=${3:-}; shift 3 2>/dev/null || shift $#
  hdrs=$(curl -s -o "$T/body" -D - -w '%{http_code}\n' -X POST "$@" \
    --data-urlencode "username=$user" --data-urlencode "password=$pass" \
    --data-urlencode "code=$code" --data "next=%2Fstaff" "$base/staff/sign-in")
  status=$(printf '%s' "$hdrs" | tail -1)
  cookie=$(printf '%s' "$hdrs" | tr -d '\r' | sed -n 's/^Set-Cookie: \(__Host-engage_session=[^;]*\).*/\1/p')
}
page() { body=$(curl -s -w '\n%{http_code}' -b "$1" "$base$2"); status=${body##*$'\n'}; body=${body%$'\n'*}; }

http "$base/staff"
expect_status() { [ "$status" = "$2" ] && ok "$1" || not_ok "$1" "status $status, want $2"; }
loc=$(curl -s -o /dev/null -w '%{redirect_url}' "$base/staff")
expect_status "/staff without signing in is a redirect" 303
[ "$loc" = "$base/staff/sign-in?next=%2Fstaff" ] && ok "to the sign-in page, coming back to /staff" || not_ok "redirect goes to sign-in" "$loc"

http "$base/staff/sign-in"
expect_status "the sign-in page answers" 200
printf '%s' "$body" | grep -q 'autocomplete="current-password"' && ok "the password field says current-password" || not_ok "password autocomplete" ""

sign_in alice "wrong password here"
expect_status "a wrong password is refused" 401
[ -z "$cookie" ] && ok "and sets no session cookie" || not_ok "no cookie after a wrong password" "$cookie"
grep -q "The username, password or code is not right" "$T/body" && ok "the page says so without saying which" || not_ok "wrong-password message" "$(head -c 300 "$T/body")"
grep -q 'value="alice"' "$T/body" && ok "the username typed is kept" || not_ok "username kept" ""

sign_in alice "$pw" "" -H "Sec-Fetch-Site: cross-site"
expect_status "a sign-in posted from another site is refused" 403
sign_in alice "$pw" "" -H "Origin: https://evil.example"
expect_status "a sign-in with another site's Origin is refused" 403

sign_in alice "$pw"
expect_status "the right password signs in with a redirect" 303
printf '%s' "$hdrs" | grep -qi '^Location: /staff' && ok "back to /staff" || not_ok "location /staff" "$hdrs"
setc=$(printf '%s' "$hdrs" | grep -i '^Set-Cookie: __Host-engage_session=')
for attr in "Path=/" "Secure" "HttpOnly" "SameSite=Lax"; do
  printf '%s' "$setc" | grep -q "; $attr" && ok "the session cookie is $attr" || not_ok "cookie $attr" "$setc"
done
printf '%s' "$setc" | grep -qi "domain=" && not_ok "the cookie has no Domain" "$setc" || ok "the cookie has no Domain"
first=$cookie

page "$first" /staff
expect_status "My neighbourhoods answers with the session" 200
printf '%s' "$body" | grep -q "My neighbourhoods" && ok "it is the staff home" || not_ok "staff home" "$(printf '%s' "$body" | head -c 200)"
printf '%s' "$body" | grep -q "Signed in as Alice Jones" && ok "it names who is signed in" || not_ok "signed in as" ""
gm01=$(sqlite3 "$T/e.db" "select name from neighbourhoods where id='GM01'" 2>/dev/null)
gm02=$(sqlite3 "$T/e.db" "select name from neighbourhoods where id='GM02'" 2>/dev/null)
if [ -n "$gm01" ]; then
  printf '%s' "$body" | grep -qF "$gm01" && ok "it shows her neighbourhood ($gm01)" || not_ok "own neighbourhood shown" ""
  printf '%s' "$body" | grep -qF "Open $gm02" && not_ok "another neighbourhood is not shown" "$gm02" || ok "another neighbourhood ($gm02) is not shown"
else
  skip "neighbourhood names" "sqlite3 could not read them"
fi
curl -s -D - -o /dev/null -b "$first" "$base/staff" | grep -qi '^Cache-Control: no-store' && ok "staff pages are not stored by caches" || not_ok "no-store on staff pages" ""

# signing in again gives a new session and ends the one the browser held
sign_in alice "$pw" "" -b "$first"
second=$cookie
[ -n "$second" ] && [ "$second" != "$first" ] && ok "a second sign-in gets a new session token" || not_ok "new token" "$first / $second"
page "$first" /staff
expect_status "the old session no longer works" 303

# sign-out needs the CSRF token of the session
page "$second" /staff
csrf=$(printf '%s' "$body" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
[ ${#csrf} -ge 40 ] && ok "the page carries a CSRF token" || not_ok "csrf token" "$csrf"
st=$(curl -s -o /dev/null -w '%{http_code}' -X POST -b "$second" --data "csrf=wrong" "$base/staff/sign-out")
[ "$st" = 403 ] && ok "signing out with a wrong CSRF token is refused" || not_ok "sign-out csrf" "$st"
page "$second" /staff
expect_status "and the session still works" 200
st=$(curl -s -o /dev/null -w '%{http_code}' -X POST -b "$second" --data-urlencode "csrf=$csrf" "$base/staff/sign-out")
[ "$st" = 303 ] && ok "signing out with the token works" || not_ok "sign-out" "$st"
page "$second" /staff
expect_status "after signing out the session is gone" 303

# roles: a resident has no staff pages
sign_in rhys "$pw"
page "$cookie" /staff
expect_status "a resident's account gets 403 on /staff" 403

# the authenticator code
run_engage user totp tom $db
expect_rc "engage user totp gives a secret" 0
secret=$(printf '%s' "$out" | sed -n 's/^authenticator secret for tom: //p')
printf '%s' "$out" | grep -q "otpauth://totp/Engage:tom?secret=$secret" && ok "with its otpauth address" || not_ok "otpauth" "$out"
sign_in tom "$pw"
expect_status "without the code the sign-in is refused" 401
grep -q "The username, password or code is not right" "$T/body" && ok "answered as a wrong password would be (it says nothing of which was wrong)" || not_ok "code message" ""
code=$(node -e '
const s = process.argv[1].replace(/=+$/, ""), abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
let bits = ""; for (const c of s) bits += abc.indexOf(c).toString(2).padStart(5, "0");
const key = Buffer.from(bits.match(/.{8}/g).map(b => parseInt(b, 2)));
const ctr = Buffer.alloc(8); ctr.writeBigUInt64BE(BigInt(Math.floor(Date.now() / 30000)));
const h = require("crypto").createHmac("sha1", key).update(ctr).digest(), o = h[19] & 15;
console.log(String((h.readUInt32BE(o) & 0x7fffffff) % 1000000).padStart(6, "0"));' "$secret")
sign_in tom "$pw" "$code"
expect_status "with the code from the authenticator it signs in" 303
# the code cannot be guessed once the password is known: wrong codes lock too
for i in 1 2 3 4 5; do sign_in tom "$pw" "00000$i"; done
sign_in tom "$pw" "$code"
expect_status "five wrong codes lock the account like wrong passwords" 401

# five wrong passwords lock the account: then even the right one fails
for i in 1 2 3 4 5; do sign_in alice "not the password $i"; done
sign_in alice "$pw"
expect_status "after five wrong passwords the account is locked" 401

# one place trying many accounts: the limit per client answers 429
stop_server
start_server $db --web.signin_limit 3
for u in a1 a2 a3; do sign_in "$u" "guess number one"; done
expect_status "the third attempt from one client is still judged" 401
sign_in tom "$pw"
expect_status "the fourth within the window is refused" 429
printf '%s' "$hdrs" | grep -qi '^Retry-After: [1-9]' && ok "saying when to try again" || not_ok "Retry-After" "$hdrs"
grep -q "Too many sign-in attempts from here" "$T/body" && ok "and why, on the page" || not_ok "too-many message" ""
finish
