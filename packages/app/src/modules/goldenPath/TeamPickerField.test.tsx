import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { TeamPickerField } from './TeamPickerField';
import { validateTeam } from './validation';
import { apisAllowing, fieldProps } from './testCatalog';

const create = 'golden-path.service.create';

async function openOptions() {
  fireEvent.mouseDown(await screen.findByRole('textbox', { name: /Owner/ }));
  return screen.findAllByRole('option');
}

describe('TeamPickerField', () => {
  it('lists only the teams the person may create a service for', async () => {
    const { apis, authorize } = apisAllowing({
      [create]: ['group:default/checkout', 'group:default/platform'],
    });
    renderInTestApp(<TeamPickerField {...fieldProps({})} />, { apis });

    const options = await openOptions();
    expect(options.map(o => o.textContent)).toEqual([
      'Checkout Team',
      'Platform Team',
    ]);
    // One check per team, each on the team's entity ref.
    expect(authorize.mock.calls.map(([r]) => r.resourceRef).sort()).toEqual([
      'group:default/checkout',
      'group:default/payments',
      'group:default/platform',
    ]);
  });

  it("keeps the form's value an entity ref", async () => {
    const onChange = jest.fn();
    const { apis } = apisAllowing({
      [create]: ['group:default/checkout', 'group:default/platform'],
    });
    renderInTestApp(<TeamPickerField {...fieldProps({ onChange })} />, {
      apis,
    });
    fireEvent.click((await openOptions())[1]);
    expect(onChange).toHaveBeenLastCalledWith('group:default/platform');
  });

  it('chooses the only team a person may create for', async () => {
    const onChange = jest.fn();
    const { apis } = apisAllowing({ [create]: ['group:default/checkout'] });
    renderInTestApp(<TeamPickerField {...fieldProps({ onChange })} />, {
      apis,
    });
    await waitFor(() =>
      expect(onChange).toHaveBeenCalledWith('group:default/checkout'),
    );
  });

  it('says whom to ask, instead of an empty list, when there is no team', async () => {
    const { apis } = apisAllowing({});
    renderInTestApp(<TeamPickerField {...fieldProps({})} />, {
      apis,
      config: {
        paved: {
          goldenPath: {
            offerings: {
              postgresql: { approvalContact: '#platform-help on Slack' },
            },
          },
        },
      },
    });

    expect(
      await screen.findByText(
        /You may not create a service for any team.*Ask the platform team \(group:default\/platform, #platform-help on Slack\) to add you/,
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
  });
});

describe('validateTeam', () => {
  const apiHolderFor = (apis: ReturnType<typeof apisAllowing>['apis']) => ({
    get: (ref: any) => apis.find(([r]) => r.id === ref.id)?.[1] as any,
  });

  it('refuses an owner the person may not create for, naming who may', async () => {
    const { apis } = apisAllowing({ [create]: ['group:default/checkout'] });
    const field = { addError: jest.fn() } as any;
    await validateTeam('group:default/payments', field, {
      apiHolder: apiHolderFor(apis),
    } as any);
    expect(field.addError).toHaveBeenCalledWith(
      'You may not create a service owned by group:default/payments: only members of payments and the platform team may. Pick one of your teams.',
    );
  });

  it('accepts one of their teams', async () => {
    const { apis } = apisAllowing({ [create]: ['group:default/checkout'] });
    const field = { addError: jest.fn() } as any;
    await validateTeam('group:default/checkout', field, {
      apiHolder: apiHolderFor(apis),
    } as any);
    expect(field.addError).not.toHaveBeenCalled();
  });
});
