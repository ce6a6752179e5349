// libpq's declarations only. The module deliberately links nothing: HRBoxStore loads libpq.so.5
// with dlopen when a PostgreSQL store is first opened, so that SQLite users do not load libpq,
// libssl, GSSAPI and LDAP at every start.
#include <postgresql/libpq-fe.h>
