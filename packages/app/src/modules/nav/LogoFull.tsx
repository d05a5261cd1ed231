import { makeStyles } from '@material-ui/core';
import { PavedMark } from './LogoIcon';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: 10 },
  mark: { height: 32, width: 32, flexShrink: 0 },
  word: {
    color: '#ffffff',
    fontSize: 26,
    fontWeight: 700,
    letterSpacing: '-0.02em',
    fontFamily: 'inherit',
  },
});

export const LogoFull = () => {
  const classes = useStyles();
  return (
    <span className={classes.root}>
      <PavedMark className={classes.mark} />
      <span className={classes.word}>Paved</span>
    </span>
  );
};
