import { fireEvent, screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { ComponentChangePickerField } from './ComponentChangePickerField';
import { validateComponentChange } from './validation';
import { apisAllowing, fieldProps } from './testCatalog';

const change = 'golden-path.component.change';
const refusal =
  'You may not add a database to payments-gateway: it is owned by group:default/payments. Ask a member of payments or the platform team.';
const uiSchema = { 'ui:options': { action: 'add a database to' } };

const render = (formData?: string) => {
  const { apis } = apisAllowing({
    [change]: ['component:default/cart-service'],
  });
  renderInTestApp(
    <ComponentChangePickerField
      {...fieldProps({
        formData,
        uiSchema,
        schema: { title: 'Service', type: 'string' },
      })}
    />,
    { apis },
  );
};

describe('ComponentChangePickerField', () => {
  it('offers every service', async () => {
    render();
    fireEvent.mouseDown(
      await screen.findByRole('textbox', { name: /Service/ }),
    );
    const options = await screen.findAllByRole('option');
    expect(options.map(o => o.textContent)).toEqual([
      'Cart Service',
      'Payments Gateway',
    ]);
  });

  it('says at once why a service that is not theirs is refused, and whom to ask', async () => {
    render('component:default/payments-gateway');
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
  });

  it('shows no refusal for a service they may change', async () => {
    render('component:default/cart-service');
    expect(await screen.findByDisplayValue('Cart Service')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('validateComponentChange', () => {
  const validate = async (componentRef: string) => {
    const { apis } = apisAllowing({
      [change]: ['component:default/cart-service'],
    });
    const apiHolder = {
      get: (ref: any) => apis.find(([r]) => r.id === ref.id)?.[1] as any,
    };
    const field = { addError: jest.fn() } as any;
    await validateComponentChange(componentRef, field, {
      apiHolder,
      uiSchema,
    } as any);
    return field.addError.mock.calls.map(([message]: [string]) => message);
  };

  it('keeps the form from going on with a refused service', async () => {
    expect(await validate('component:default/payments-gateway')).toEqual([
      refusal,
    ]);
  });

  it('lets their own service through', async () => {
    expect(await validate('component:default/cart-service')).toEqual([]);
  });
});
