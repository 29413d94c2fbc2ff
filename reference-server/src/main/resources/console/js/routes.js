// Every view of the console: its address, who may open it, and the module that draws it (loaded when first opened).
// nav: the key of its menu entry, for views that have one; needs: any one of these permissions opens the view.
export const routes = [
    { path: '/login', view: () => import('./views/login.js'), public: true },
    { path: '/queue', view: () => import('./views/agent/queue.js'), nav: 'nav.queue', needs: ['ticket.work'] },
    { path: '/customers', view: () => import('./views/agent/customers.js'), nav: 'nav.customers', needs: ['customer.read'] },
    { path: '/customers/new', view: () => import('./views/agent/customer-new.js'), needs: ['customer.write'] },
    { path: '/customers/:id', view: () => import('./views/agent/customer.js'), needs: ['customer.read'] },
    { path: '/tickets/new', view: () => import('./views/agent/ticket-new.js'), needs: ['ticket.create'] },
    { path: '/tickets/:id', view: () => import('./views/agent/ticket.js'), needs: ['ticket.read', 'ticket.read.front-line'] },
    { path: '/monitor', view: () => import('./views/supervisor/monitor.js'), nav: 'nav.monitor', needs: ['ticket.assign'] },
    { path: '/follow-ups', view: () => import('./views/supervisor/follow-ups.js'), nav: 'nav.followUps',
        needs: ['follow-up.work', 'follow-up.work.department', 'follow-up.work.all'] },
    { path: '/follow-ups/unplanned', view: () => import('./views/supervisor/unplanned-care.js'), nav: 'nav.unplannedCare',
        needs: ['follow-up.work.all', 'user.admin'] },
    { path: '/improvements', view: () => import('./views/supervisor/improvements.js'), nav: 'nav.improvements',
        needs: ['improvement.manage'] },
    { path: '/reports', view: () => import('./views/supervisor/reports.js'), nav: 'nav.reports', needs: ['report.read'] },
    { path: '/admin/users', view: () => import('./views/admin/users.js'), nav: 'nav.users', needs: ['user.admin'] },
    { path: '/admin/roles', view: () => import('./views/admin/roles.js'), nav: 'nav.roles', needs: ['user.admin'] },
    { path: '/admin/departments', view: () => import('./views/admin/departments.js'), nav: 'nav.departments',
        needs: ['department.admin'] },
    { path: '/admin/sla', view: () => import('./views/admin/sla.js'), nav: 'nav.sla', needs: ['sla.admin'] },
    { path: '/admin/ticket-types', view: () => import('./views/admin/ticket-types.js'), nav: 'nav.ticketTypes',
        needs: ['catalog.admin'] },
    { path: '/admin/set-aside', view: () => import('./views/admin/set-aside.js'), nav: 'nav.setAside',
        needs: ['events.admin'] },
];

/** The route for a path such as /customers/42, with its parameters; undefined when none matches. */
export function match(path) {
    for (const route of routes) {
        const names = [];
        const pattern = new RegExp('^' + route.path.replace(/:(\w+)/g, (_, name) => {
            names.push(name);
            return '([^/]+)';
        }) + '$');
        const found = pattern.exec(path);
        if (found) {
            return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(found[i + 1])])) };
        }
    }
    return undefined;
}
