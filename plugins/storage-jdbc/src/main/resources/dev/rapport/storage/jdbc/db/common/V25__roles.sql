-- Roles become data (issue 16): a name and the permission keys it grants, as a JSON array. The five roles of SPEC §2
-- are created here with the permissions the code gave them so far; admins may edit them like any other role.
CREATE TABLE roles (
    name        VARCHAR PRIMARY KEY,
    permissions VARCHAR NOT NULL,
    built_in    BOOLEAN NOT NULL,
    version     BIGINT  NOT NULL
);

INSERT INTO roles (name, permissions, built_in, version) VALUES ('AGENT',
    '["customer.pii.read","customer.read","customer.write","follow-up.work","improvement.read","ticket.create","ticket.read","ticket.read.front-line","ticket.work","user.read"]', TRUE, 1);
INSERT INTO roles (name, permissions, built_in, version) VALUES ('EXPERT',
    '["customer.read","follow-up.work","improvement.read","ticket.accept","ticket.create","ticket.read","ticket.work","user.read"]', TRUE, 1);
INSERT INTO roles (name, permissions, built_in, version) VALUES ('ACCOUNT_MANAGER',
    '["customer.pii.read","customer.read","customer.write","follow-up.work","improvement.read","ticket.create","ticket.read","ticket.work","user.read"]', TRUE, 1);
INSERT INTO roles (name, permissions, built_in, version) VALUES ('SUPERVISOR',
    '["customer.merge","customer.pii.read","customer.read","customer.write","follow-up.work","follow-up.work.department","improvement.manage","improvement.read","report.read","ticket.accept","ticket.assign","ticket.create","ticket.read","ticket.read.all","ticket.reassign.owned","ticket.work","ticket.work.all","user.read"]', TRUE, 1);
INSERT INTO roles (name, permissions, built_in, version) VALUES ('ADMIN',
    '["catalog.admin","customer.merge","customer.read","department.admin","events.admin","follow-up.work.all","improvement.manage","improvement.read","report.read","report.read.all","sla.admin","ticket.read","ticket.read.all","user.admin","user.read"]', TRUE, 1);
