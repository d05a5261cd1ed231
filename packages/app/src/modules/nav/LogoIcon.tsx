import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 28, height: 28 },
});

/** Paved's mark: a road with its centre line, seen from above. */
export const PavedMark = ({ className }: { className?: string }) => (
  <svg
    className={className}
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 32 32"
    role="img"
    aria-label="Paved"
  >
    <path d="M11 2h10l9 28H2z" fill="#3a4150" />
    <path d="M11 2 2 30M21 2l9 28" stroke="#e8eaed" strokeWidth="1.5" />
    <path
      d="M16 4v5M16 13v6M16 23v6"
      stroke="#f5b700"
      strokeWidth="2.2"
      strokeLinecap="round"
    />
  </svg>
);

export const LogoIcon = () => <PavedMark className={useStyles().svg} />;
