// A table of the Adoption page with a "Download CSV" of exactly its rows.
import { Table, TableColumn } from '@backstage/core-components';
import { Button } from '@material-ui/core';
import { CsvColumn, toCsv } from '@internal/plugin-paved-common';
import { downloadCsv } from '@internal/plugin-paved-react';

export function TableWithCsv<T extends object>(props: {
  title: string;
  columns: TableColumn<T>[];
  csvColumns: CsvColumn<T>[];
  rows: T[];
  fileName: string;
}) {
  return (
    <>
      <Table
        title={props.title}
        options={{ paging: false, search: false }}
        columns={props.columns}
        data={props.rows}
      />
      <Button
        style={{ marginTop: 8 }}
        variant="outlined"
        onClick={() =>
          downloadCsv(props.fileName, toCsv(props.csvColumns, props.rows))
        }
      >
        Download CSV
      </Button>
    </>
  );
}
