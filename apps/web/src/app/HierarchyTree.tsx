import { type ReactNode, useMemo, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useOrgUnits, usePortfolios, usePrograms } from '../api/queries.ts';
import type { OrgUnit } from '../api/types.ts';
import { Skeleton } from '../design/Skeleton.tsx';

type NodeProps = {
  label: string;
  to: string;
  active: boolean;
  count?: number;
  icon: string;
  children?: ReactNode;
  defaultOpen?: boolean;
};

function TreeNode({ label, to, active, count, icon, children, defaultOpen = false }: NodeProps) {
  const [open, setOpen] = useState(defaultOpen);
  const hasChildren = Boolean(children);
  return (
    <li>
      <div className="tree__row">
        {hasChildren ? (
          <button
            type="button"
            className="tree__toggle"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${label}`}
            onClick={() => setOpen((o) => !o)}
          >
            ▶
          </button>
        ) : (
          <span className="tree__spacer" aria-hidden="true" />
        )}
        <Link className="navlink" to={to} aria-current={active ? 'page' : undefined} title={label}>
          <span className="navlink__icon" aria-hidden="true">
            {icon}
          </span>
          <span className="navlink__label">{label}</span>
          {count !== undefined && <span className="navlink__count">{count}</span>}
        </Link>
      </div>
      {hasChildren && open && <ul className="tree__children">{children}</ul>}
    </li>
  );
}

/** The PMO hierarchy: org units nested, then portfolios with their programs. Each node filters the project list. */
export function HierarchyTree() {
  const units = useOrgUnits();
  const portfolios = usePortfolios();
  const programs = usePrograms();
  const location = useLocation();
  const [params] = useSearchParams();
  const onList = location.pathname === '/projects';
  const isActive = (key: string, id: string) => onList && params.get(key) === id;

  const childrenOf = useMemo(() => {
    const map = new Map<string | null, OrgUnit[]>();
    for (const u of units.data ?? []) {
      const list = map.get(u.parentId) ?? [];
      list.push(u);
      map.set(u.parentId, list);
    }
    for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
    return map;
  }, [units.data]);

  const renderUnits = (parentId: string | null, depth: number): ReactNode =>
    (childrenOf.get(parentId) ?? []).map((u) => {
      const kids = childrenOf.get(u.id);
      return (
        <TreeNode
          key={u.id}
          label={u.name}
          to={`/projects?orgUnitId=${u.id}`}
          active={isActive('orgUnitId', u.id)}
          count={u.projectCount}
          icon="▣"
          defaultOpen={depth === 0}
        >
          {kids && kids.length > 0 ? renderUnits(u.id, depth + 1) : null}
        </TreeNode>
      );
    });

  if (units.isPending || portfolios.isPending) {
    return (
      <div className="stack-sm sidenav__note">
        <Skeleton width="70%" />
        <Skeleton width="55%" />
        <Skeleton width="62%" />
      </div>
    );
  }
  if (units.isError || portfolios.isError) {
    return <p className="muted sidenav__note">Could not load the hierarchy.</p>;
  }

  return (
    <>
      <div className="sidenav__section">
        <h2 className="sidenav__heading" id="nav-org">
          Organisation
        </h2>
        <ul className="tree" aria-labelledby="nav-org">
          {renderUnits(null, 0)}
        </ul>
      </div>
      <div className="sidenav__section">
        <h2 className="sidenav__heading" id="nav-portfolios">
          Portfolios
        </h2>
        <ul className="tree" aria-labelledby="nav-portfolios">
          {(portfolios.data ?? [])
            .slice()
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((p) => {
              const own = (programs.data ?? []).filter((g) => g.portfolioId === p.id);
              return (
                <TreeNode
                  key={p.id}
                  label={p.name}
                  to={`/projects?portfolioId=${p.id}`}
                  active={isActive('portfolioId', p.id)}
                  icon="◫"
                >
                  {own.length > 0
                    ? own.map((g) => (
                        <TreeNode
                          key={g.id}
                          label={g.name}
                          to={`/projects?programId=${g.id}`}
                          active={isActive('programId', g.id)}
                          icon="▤"
                        />
                      ))
                    : null}
                </TreeNode>
              );
            })}
        </ul>
      </div>
    </>
  );
}
