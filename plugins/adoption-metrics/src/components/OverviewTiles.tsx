// The seeds' numbers as tiles: each with numerator and denominator, the change against the
// previous period, its band where DORA defines one, and its source.
import { Grid } from '@material-ui/core';
import { AdoptionSummary } from '../AdoptionClient';
import { MetricTile } from './MetricTile';
import { change, hours, hoursChange, money, percent } from './format';

export const OverviewTiles = ({ summary }: { summary: AdoptionSummary }) => {
  const {
    goldenPathAdoption: adoption,
    selfService,
    timeToProduction: ttp,
    dora,
  } = summary;
  const tile = (node: JSX.Element) => (
    <Grid item xs={12} sm={6} lg={3}>
      {node}
    </Grid>
  );
  return (
    <Grid container spacing={2}>
      {tile(
        <MetricTile
          title="Golden-path adoption"
          value={percent(adoption)}
          detail={`${adoption.numerator} of ${
            adoption.denominator
          } services made from ${adoption.recommendedTemplates.join(', ')}`}
          change={change(adoption, adoption.previous)}
          source={adoption.source}
        />,
      )}
      {tile(
        <MetricTile
          title="Self-service rate"
          value={percent(selfService)}
          detail={`${selfService.numerator} of ${selfService.denominator} database claims made by the golden path, without a ticket`}
          change={change(selfService, selfService.previous)}
          source={selfService.source}
        />,
      )}
      {tile(
        <MetricTile
          title="Template time to production"
          value={hours(ttp.medianHours)}
          detail={`median (p90 ${hours(ttp.p90Hours)}) over ${
            ttp.reachedProduction
          } of ${ttp.runs} new services that reached production${
            ttp.hoursSaved
              ? `; ${Math.round(
                  ttp.hoursSaved,
                )} developer hours saved ≈ ${money(
                  ttp.hoursSaved * ttp.hourlyRate,
                  ttp.currency,
                )}`
              : ''
          }`}
          change={hoursChange(ttp.medianHours, ttp.previous.medianHours)}
          source={ttp.source}
        />,
      )}
      {tile(
        <MetricTile
          title="Deployment frequency"
          value={`${dora.deploymentFrequency.medianDeployDaysPerWeek} days/week`}
          detail={`${
            dora.deploymentFrequency.deploys
          } production deploys (${dora.deploymentFrequency.perDay.toFixed(
            2,
          )} a day); median days with a deploy per week`}
          change={`${dora.previous.deploymentFrequency.deploys} deploys in the previous period`}
          band={dora.deploymentFrequency.band}
          bandsVersion={dora.bandsVersion}
          source={dora.source}
        />,
      )}
      {tile(
        <MetricTile
          title="Lead time for changes"
          value={hours(dora.leadTime.medianHours)}
          detail={
            dora.leadTime.commits
              ? `median over ${dora.leadTime.commits} commits, commit to production`
              : "no commit times: Paved's git host gives them for deploys from its repositories; other SCMs are not asked yet"
          }
          change={hoursChange(
            dora.leadTime.medianHours,
            dora.previous.leadTime.medianHours,
          )}
          band={dora.leadTime.band}
          bandsVersion={dora.bandsVersion}
          source={dora.source}
        />,
      )}
      {tile(
        <MetricTile
          title="Change failure rate"
          value={percent(dora.changeFailureRate)}
          detail={`${dora.changeFailureRate.numerator} of ${dora.changeFailureRate.denominator} deployments failed or were rolled back`}
          change={change(
            dora.changeFailureRate,
            dora.previous.changeFailureRate,
          )}
          band={dora.changeFailureRate.band}
          bandsVersion={dora.bandsVersion}
          source={dora.source}
        />,
      )}
      {tile(
        <MetricTile
          title="Time to restore"
          value={hours(dora.timeToRestore.medianHours)}
          detail={`median over ${dora.timeToRestore.restores} restores, failed deploy to the next good one`}
          change={hoursChange(
            dora.timeToRestore.medianHours,
            dora.previous.timeToRestore.medianHours,
          )}
          band={dora.timeToRestore.band}
          bandsVersion={dora.bandsVersion}
          source={dora.source}
        />,
      )}
    </Grid>
  );
};
